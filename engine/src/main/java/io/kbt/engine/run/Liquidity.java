package io.kbt.engine.run;

/** Whether our order rested (maker) or took displayed liquidity (taker). */
public enum Liquidity {
    MAKER,
    TAKER
}
