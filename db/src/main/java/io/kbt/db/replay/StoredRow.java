package io.kbt.db.replay;

import io.kbt.engine.event.MarketEvent;

/** An event as stored, with the (batch, sub) that order events sharing ts and seq as their file did. */
record StoredRow(MarketEvent event, int batch, int sub) {
    static int compare(StoredRow a, StoredRow b) {
        int c = Long.compare(a.event.ts(), b.event.ts());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.event.seq(), b.event.seq());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.batch, b.batch);
        return c != 0 ? c : Integer.compare(a.sub, b.sub);
    }
}
