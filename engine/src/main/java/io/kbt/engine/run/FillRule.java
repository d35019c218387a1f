package io.kbt.engine.run;

/** Which simulation rule produced a fill. */
public enum FillRule {
    /** A historical trade printed through our resting price: price priority, no queue. */
    TRADE_THROUGH,
    /** A historical trade at our price reached us in the queue, per the queue model. */
    QUEUE,
    /** Our marketable order took displayed liquidity. */
    TAKE,
    /**
     * A data update crossed our resting order: the incoming order traded with us as maker at our price, up to
     * the crossing displayed quantity.
     */
    CROSSED_BY_DATA
}
