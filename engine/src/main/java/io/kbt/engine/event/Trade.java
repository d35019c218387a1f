package io.kbt.engine.event;

/**
 * A historical trade: {@code count} hundredths of a contract at {@code yesPrice} ticks. {@code takerSide} YES
 * means the taker bought yes (lifted yes asks); NO means the taker bought no, i.e. sold yes into yes bids.
 */
public record Trade(long ts, long seq, int market, int yesPrice, long count, BookSide takerSide) implements MarketEvent {}
