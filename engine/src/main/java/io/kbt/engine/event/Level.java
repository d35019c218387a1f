package io.kbt.engine.event;

/** One price level of a snapshot: price in ticks of the market's tick size, quantity in hundredths of a contract. */
public record Level(int price, long quantity) {}
