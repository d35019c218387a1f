package io.kbt.engine.event;

/** A level of an underlying index (e.g. SPX); {@code symbol} indexes {@code Instruments#symbols()}. */
public record IndexTick(long ts, long seq, int symbol, double level) implements MarketEvent {}
