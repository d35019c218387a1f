package io.kbt.engine.run;

/** Direction of a fill, always in yes terms: buying no at q is selling yes at maxTicks − q. */
public enum Action {
    BUY,
    SELL
}
