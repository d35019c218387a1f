package io.kbt.engine.run;

/**
 * One of our fills. Price in ticks (yes terms), count in hundredths of a contract, fee in micro-dollars,
 * {@code positionAfter} in hundredths. {@code causeSeq} is the seq of the event that caused it (the trade, the
 * book event that crossed our resting order, or the book event after which our marketable order took).
 */
public record Fill(
        long ts,
        int market,
        Action action,
        int price,
        long count,
        long feeMicros,
        Liquidity liquidity,
        long positionAfter,
        long causeSeq,
        FillRule rule) {}
