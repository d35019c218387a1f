package io.kbt.engine.event;

/** Adds {@code delta} (hundredths of a contract, may be negative) to one bid level of {@code market}. */
public record BookDelta(long ts, long seq, int market, BookSide side, int price, long delta) implements MarketEvent {}
