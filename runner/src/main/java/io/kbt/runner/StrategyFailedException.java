package io.kbt.runner;

import java.time.Instant;

/**
 * A strategy threw during a replay. The message names the strategy, the market it was working on (when one is
 * known) and the replay time; the cause is what the strategy threw. The CLI exits 1 on it.
 */
public final class StrategyFailedException extends RuntimeException {
    private final String strategy;
    private final String market;
    private final long replayTime;

    StrategyFailedException(String strategy, String market, long replayTime, String callback, Throwable cause) {
        super("strategy " + strategy + " failed in " + callback + (market != null ? " on " + market : "") + " at "
                + time(replayTime) + ": " + describe(cause), cause);
        this.strategy = strategy;
        this.market = market;
        this.replayTime = replayTime;
    }

    public String strategy() {
        return strategy;
    }

    /** The ticker of the market the strategy last looked at or quoted, or {@code null} before any. */
    public String market() {
        return market;
    }

    /** Replay time of the failure, UTC epoch microseconds ({@link Long#MIN_VALUE} before the first event). */
    public long replayTime() {
        return replayTime;
    }

    private static String time(long micros) {
        if (micros == Long.MIN_VALUE) {
            return "the start";
        }
        return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L)).toString();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
