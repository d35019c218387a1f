package io.kbt.feeds;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import java.util.TreeMap;

/** The simplest possible Kalshi book for checking readers: two sorted maps of bid levels, no clamping. */
final class MapBook {
    final TreeMap<Integer, Long> yesBids = new TreeMap<>();
    final TreeMap<Integer, Long> noBids = new TreeMap<>();
    long negativeLevels;

    void apply(BookSnapshot snapshot) {
        yesBids.clear();
        noBids.clear();
        for (Level level : snapshot.yesBids()) {
            yesBids.merge(level.price(), level.quantity(), Long::sum);
        }
        for (Level level : snapshot.noBids()) {
            noBids.merge(level.price(), level.quantity(), Long::sum);
        }
        yesBids.values().removeIf(q -> q == 0);
        noBids.values().removeIf(q -> q == 0);
    }

    void apply(BookDelta delta) {
        TreeMap<Integer, Long> side = delta.side() == BookSide.YES ? yesBids : noBids;
        long quantity = side.getOrDefault(delta.price(), 0L) + delta.delta();
        if (quantity < 0) {
            negativeLevels++;
        }
        if (quantity == 0) {
            side.remove(delta.price());
        } else {
            side.put(delta.price(), quantity);
        }
    }

    /** Best yes bid in ticks, 0 when there is none. */
    int bestYesBid() {
        return yesBids.isEmpty() ? 0 : yesBids.lastKey();
    }

    /** Best yes ask in ticks (max − best no bid), {@code max} when there is none. */
    int bestYesAsk(int maxTicks) {
        return noBids.isEmpty() ? maxTicks : maxTicks - noBids.lastKey();
    }
}
