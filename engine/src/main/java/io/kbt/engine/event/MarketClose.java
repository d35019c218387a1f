package io.kbt.engine.event;

/** The market stops trading and settles. The replay loop adds one per market at its close time. */
public record MarketClose(long ts, long seq, int market) implements MarketEvent {}
