package io.kbt.kalshi.ws;

/**
 * The recorder's counters at one moment: markets subscribed, frames written (and per second over the last
 * interval), seq gaps, reconnects, and the lag of the latest frame that carried an exchange time (receive time −
 * exchange time, µs; {@link Long#MIN_VALUE} when none yet).
 */
public record RecorderStatus(int markets, long frames, double framesPerSecond, long gaps, long reconnects,
        long errors, long lagMicros, long files) {

    /** One line for a terminal or a log. */
    public String line() {
        String lag = lagMicros == Long.MIN_VALUE ? "-" : String.format("%.3f s", lagMicros / 1e6);
        return String.format("markets %d  frames %,d  %,.0f/s  gaps %d  reconnects %d  errors %d  lag %s", markets,
                frames, framesPerSecond, gaps, reconnects, errors, lag);
    }
}
