package io.kbt.engine.book;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.strategy.BookView;
import java.util.Arrays;

/**
 * One market's historical book: dense quantity arrays (hundredths of a contract) indexed by price in ticks for
 * yes bids and no bids, with the best price of each side tracked. A level never goes below zero: a delta that
 * would take it there is clamped and counted. A crossed book (best yes bid ≥ best yes ask) is counted each time
 * the book enters that state and exposed through {@link #crossed()} so callers can report it. Strategies see it only
 * through {@link #view()}, which cannot change it.
 */
public final class KalshiBook {
    private final int maxTicks;
    private final long[] yesBids;
    private final long[] noBids;
    private int bestYesBid;
    private int bestNoBid;
    private boolean live;
    private boolean crossed;
    private long clampedLevels;
    private long crossedBooks;
    private final BookView view = new View();

    public KalshiBook(int maxTicks) {
        this.maxTicks = maxTicks;
        this.yesBids = new long[maxTicks];
        this.noBids = new long[maxTicks];
    }

    /** This book as strategies see it: read-only, always current, one instance per book. */
    public BookView view() {
        return view;
    }

    /** Replaces the whole book. */
    public void applySnapshot(BookSnapshot snapshot) {
        Arrays.fill(yesBids, 0);
        Arrays.fill(noBids, 0);
        bestYesBid = 0;
        bestNoBid = 0;
        for (Level level : snapshot.yesBids()) {
            add(yesBids, BookSide.YES, level.price(), level.quantity());
        }
        for (Level level : snapshot.noBids()) {
            add(noBids, BookSide.NO, level.price(), level.quantity());
        }
        bestYesBid = best(yesBids, maxTicks - 1);
        bestNoBid = best(noBids, maxTicks - 1);
        live = true;
        checkCrossed();
    }

    /** Adds {@code delta} hundredths to one level; returns the level's new quantity. */
    public long applyDelta(BookSide side, int price, long delta) {
        long[] levels = side == BookSide.YES ? yesBids : noBids;
        checkPrice(side, price);
        long after = levels[price] + delta;
        if (after < 0) {
            after = 0;
            clampedLevels++;
        }
        levels[price] = after;
        if (side == BookSide.YES) {
            if (after > 0 && price > bestYesBid) {
                bestYesBid = price;
            } else if (after == 0 && price == bestYesBid) {
                bestYesBid = best(yesBids, price - 1);
            }
        } else {
            if (after > 0 && price > bestNoBid) {
                bestNoBid = price;
            } else if (after == 0 && price == bestNoBid) {
                bestNoBid = best(noBids, price - 1);
            }
        }
        checkCrossed();
        return after;
    }

    /** Marks the book as waiting for a snapshot (e.g. after a sequence gap); its levels are kept for display. */
    public void markStale() {
        live = false;
    }

    private void add(long[] levels, BookSide side, int price, long quantity) {
        checkPrice(side, price);
        if (quantity < 0) {
            clampedLevels++;
            return;
        }
        levels[price] += quantity;
    }

    private void checkPrice(BookSide side, int price) {
        if (price <= 0 || price >= maxTicks) {
            throw new IllegalArgumentException(side + " bid price " + price + " outside 1.." + (maxTicks - 1));
        }
    }

    private static int best(long[] levels, int from) {
        for (int p = from; p > 0; p--) {
            if (levels[p] > 0) {
                return p;
            }
        }
        return 0;
    }

    private void checkCrossed() {
        boolean now = bestYesBid > 0 && bestNoBid > 0 && bestYesBid >= maxTicks - bestNoBid;
        if (now && !crossed) {
            crossedBooks++;
        }
        crossed = now;
    }

    public int bestYesBid() {
        return bestYesBid;
    }

    public int bestYesAsk() {
        return bestNoBid == 0 ? 0 : maxTicks - bestNoBid;
    }

    /** Best no bid in ticks, 0 when there are none. */
    public int bestNoBid() {
        return bestNoBid;
    }

    public long yesBidSize(int price) {
        return price > 0 && price < maxTicks ? yesBids[price] : 0;
    }

    public long yesAskSize(int price) {
        return noBidSize(maxTicks - price);
    }

    /** Quantity (hundredths) of no bids at no price {@code price}. */
    public long noBidSize(int price) {
        return price > 0 && price < maxTicks ? noBids[price] : 0;
    }

    /** Quantity at {@code price} on {@code side}. */
    public long size(BookSide side, int price) {
        return side == BookSide.YES ? yesBidSize(price) : noBidSize(price);
    }

    public int maxTicks() {
        return maxTicks;
    }

    public boolean live() {
        return live;
    }

    /** Whether the book is crossed right now. */
    public boolean crossed() {
        return crossed;
    }

    /** Deltas that would have taken a level below zero (clamped to zero). */
    public long clampedLevels() {
        return clampedLevels;
    }

    /** Times the book became crossed. */
    public long crossedBooks() {
        return crossedBooks;
    }

    /** Read-only, and not a {@code KalshiBook}, so no cast reaches the mutators. */
    private final class View implements BookView {
        @Override
        public int bestYesBid() {
            return bestYesBid;
        }

        @Override
        public int bestYesAsk() {
            return KalshiBook.this.bestYesAsk();
        }

        @Override
        public long yesBidSize(int price) {
            return KalshiBook.this.yesBidSize(price);
        }

        @Override
        public long yesAskSize(int price) {
            return KalshiBook.this.yesAskSize(price);
        }

        @Override
        public int maxTicks() {
            return maxTicks;
        }

        @Override
        public boolean live() {
            return live;
        }
    }
}
