package io.kbt.engine.strategy;

import io.kbt.engine.market.Instruments;
import java.util.Objects;

/**
 * What a strategy sees and does during a replay. It exposes nothing later than {@link #now()}.
 */
public interface StrategyContext {
    /** Current replay time, UTC epoch microseconds. */
    long now();

    /**
     * The markets and symbols of the replay, every market's result hidden ({@code UNKNOWN}): a result reaches the
     * strategy with {@link Strategy#onSettlement}.
     */
    Instruments instruments();

    /** The market's book as of now, read-only. */
    BookView book(int market);

    /** Last level of index {@code symbol} at or before now, {@code NaN} before its first tick. */
    double indexLevel(int symbol);

    /** Our signed position in hundredths of a contract: + yes, − no. */
    long position(int market);

    /** Whether the market has closed (no more quoting). */
    boolean closed(int market);

    /** Our total P&amp;L now in micro-dollars: cash + settlements − fees + open positions marked to mid. */
    long pnlMicros();

    /**
     * How many markets changed since the previous batch callback: a book snapshot, delta or trade, one of our
     * fills, or its close (data after a close still lists the market). Meaningful in {@link Strategy#onBatch} and
     * {@link Strategy#onFill}; {@link Strategy#onSettlement} sees the previous batch's list. Index ticks and the
     * passing of time (a market opening, a stop before close) list no market: a strategy that prices from an
     * index or from time still looks at every market when those move. Contexts that do not track changes list
     * every market.
     */
    default int updatedCount() {
        return instruments().markets().size();
    }

    /** The {@code i}-th changed market ({@code 0 <= i < updatedCount()}), each listed once, in order of change. */
    default int updated(int i) {
        return Objects.checkIndex(i, updatedCount());
    }

    /**
     * Sets the target quotes for {@code market}; the order manager cancels, places or keeps resting orders to
     * match. Re-sending an unchanged side keeps its queue place.
     */
    void quote(int market, Quote quote);

    /** Records the strategy's fair yes price in cents for reports ({@code NaN} for none). */
    void fair(int market, double cents);
}
