package io.kbt.engine.strategy;

/**
 * Read-only view of one market's historical book as of now. Prices are yes prices in ticks; 0 means the side
 * is empty. A yes ask at p is a no bid at {@code maxTicks() − p}.
 */
public interface BookView {
    /** Best yes bid in ticks, 0 when there are no yes bids. */
    int bestYesBid();

    /** Best yes ask in ticks (maxTicks − best no bid), 0 when there are no no bids. */
    int bestYesAsk();

    /** Quantity (hundredths) of yes bids at {@code price}. */
    long yesBidSize(int price);

    /** Quantity (hundredths) of yes asks at yes price {@code price}, i.e. no bids at maxTicks − price. */
    long yesAskSize(int price);

    /** Ticks in one dollar for this market. */
    int maxTicks();

    /** Whether a snapshot has been applied since the start or since the last sequence gap. */
    boolean live();
}
