package io.kbt.engine.event;

import java.util.List;

/** Replaces the whole book of {@code market}: yes bids and no bids, each level's price in ticks. */
public record BookSnapshot(long ts, long seq, int market, List<Level> yesBids, List<Level> noBids)
        implements MarketEvent {
    public BookSnapshot {
        yesBids = List.copyOf(yesBids);
        noBids = List.copyOf(noBids);
    }
}
