package io.kbt.engine.portfolio;

import io.kbt.engine.fees.FeeSchedule;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Liquidity;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Our positions, cash and fees, with Kalshi's real cash flows: buying yes pays p per contract, buying no pays
 * $1 − p, and the two net (a yes bought against a held no closes the no). Position is one signed number per
 * market (+ yes, − no). The open position's cost basis is its collateral, so capital used is the sum of bases.
 * Realized P&amp;L uses average cost: closing k of n contracts releases k/n of the basis (floored; the
 * remainder stays with the rest, so nothing is lost to rounding). Marks use the exact mid in micro-dollars; with
 * a side empty, the last mark kept within what the other side shows (see {@link #mark}); the cost basis before
 * any mid is known.
 */
public final class Portfolio {
    /** Micro-dollars one hundredth of a contract pays at settlement ($1 / 100). */
    public static final long PAYOUT_PER_HUNDREDTH = 10_000;
    private static final long DOLLAR = 1_000_000;

    private final Market[] markets;
    private final FeeSchedule fees;
    private final long[] position;
    private final long[] basis;
    private final long[] cash;
    private final long[] settled;
    private final long[] feesPaid;
    private final long[] lastMid;
    private final long[] value;
    private long totalCash;
    private long totalSettled;
    private long totalFees;
    private long totalRealized;
    private long totalValue;
    private long capital;
    private long peakCapital;

    public Portfolio(Instruments instruments, FeeSchedule fees) {
        this.markets = instruments.markets().toArray(Market[]::new);
        this.fees = fees;
        int n = markets.length;
        position = new long[n];
        basis = new long[n];
        cash = new long[n];
        settled = new long[n];
        feesPaid = new long[n];
        lastMid = new long[n];
        value = new long[n];
        Arrays.fill(lastMid, -1);
    }

    /**
     * Books a fill of {@code count} hundredths at yes price {@code price} ticks and returns its fee
     * (micro-dollars).
     */
    public long fill(int m, Action action, int price, long count, Liquidity liquidity) {
        return fill(m, action, price, count, liquidity, Long.MIN_VALUE);
    }

    /** As {@link #fill(int, Action, int, long, Liquidity)}, at {@code ts} (the fee schedule may change over time). */
    public long fill(int m, Action action, int price, long count, Liquidity liquidity, long ts) {
        long priceMicros = markets[m].tickSize().micros(price);
        long fee = fees.feeMicros(markets[m], liquidity, price, count, ts);
        long pos = position[m];
        boolean buy = action == Action.BUY;
        // The side we hold closes first; the rest opens (or adds to) the other side.
        long held = buy ? Math.max(0, -pos) : Math.max(0, pos);
        long closing = Math.min(count, held);
        long opening = count - closing;
        long yesValue = priceMicros;
        long noValue = DOLLAR - priceMicros;
        long flow = 0;
        capital -= basis[m];
        if (closing > 0) {
            long proceeds = closing * (buy ? noValue : yesValue) / 100;
            long released = closing == held ? basis[m] : mulDiv(basis[m], closing, held);
            basis[m] -= released;
            totalRealized += proceeds - released;
            flow += proceeds;
        }
        if (opening > 0) {
            long cost = opening * (buy ? yesValue : noValue) / 100;
            basis[m] += cost;
            flow -= cost;
        }
        capital += basis[m];
        peakCapital = Math.max(peakCapital, capital);
        position[m] = buy ? pos + count : pos - count;
        cash[m] += flow;
        totalCash += flow;
        feesPaid[m] += fee;
        totalFees += fee;
        revalue(m);
        return fee;
    }

    /**
     * Updates the mark of market {@code m} from its best yes bid and ask (ticks, 0 = empty side): the exact mid;
     * with one side empty, the last mark moved just enough to agree with the side left (at least its best bid, at
     * most its best ask), so that a book emptying near expiry does not freeze the mark; with both empty, the last
     * mark.
     */
    public void mark(int m, int bestYesBid, int bestYesAsk) {
        long tick = markets[m].tickSize().micros();
        long last = lastMid[m];
        long mid;
        if (bestYesBid > 0 && bestYesAsk > 0) {
            mid = (bestYesBid + bestYesAsk) * tick / 2L;
        } else if (last < 0) {
            return;
        } else if (bestYesBid > 0) {
            mid = Math.max(last, bestYesBid * tick);
        } else if (bestYesAsk > 0) {
            mid = Math.min(last, bestYesAsk * tick);
        } else {
            return;
        }
        if (mid != last) {
            lastMid[m] = mid;
            if (position[m] != 0) {
                revalue(m);
            }
        }
    }

    /**
     * Settles the whole position of {@code m} at $1 or $0 per contract for {@code result} YES or NO and returns
     * the payout; the position and basis go to zero. UNKNOWN leaves the position open at its mark and pays 0.
     */
    public long settle(int m, Result result) {
        if (result == Result.UNKNOWN) {
            return 0;
        }
        long pos = position[m];
        long payout = (pos > 0 && result == Result.YES) || (pos < 0 && result == Result.NO)
                ? Math.abs(pos) * PAYOUT_PER_HUNDREDTH
                : 0;
        totalRealized += payout - basis[m];
        capital -= basis[m];
        basis[m] = 0;
        position[m] = 0;
        settled[m] += payout;
        totalSettled += payout;
        revalue(m);
        return payout;
    }

    private void revalue(int m) {
        long pos = position[m];
        long v;
        if (pos == 0) {
            v = 0;
        } else if (lastMid[m] < 0) {
            v = basis[m];
        } else {
            v = pos > 0 ? pos * lastMid[m] / 100 : -pos * (DOLLAR - lastMid[m]) / 100;
        }
        totalValue += v - value[m];
        value[m] = v;
    }

    private static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    public long position(int m) {
        return position[m];
    }

    /** Cost basis (collateral) of the open position of {@code m}, micro-dollars. */
    public long basisMicros(int m) {
        return basis[m];
    }

    /** Net cash of all fills (before fees), micro-dollars. */
    public long cashMicros() {
        return totalCash;
    }

    public long settledMicros() {
        return totalSettled;
    }

    public long feesMicros() {
        return totalFees;
    }

    public long feesMicros(int m) {
        return feesPaid[m];
    }

    /** Realized P&amp;L (closed contracts and settlements) after all fees. */
    public long realizedMicros() {
        return totalRealized - totalFees;
    }

    /** Total P&amp;L: cash + settlements − fees + open positions marked to mid. */
    public long markedMicros() {
        return totalCash + totalSettled - totalFees + totalValue;
    }

    /** P&amp;L of one market marked to mid. */
    public long markedMicros(int m) {
        return cash[m] + settled[m] - feesPaid[m] + value[m];
    }

    /** Collateral of all open positions now, micro-dollars. */
    public long capitalMicros() {
        return capital;
    }

    public long peakCapitalMicros() {
        return peakCapital;
    }
}
