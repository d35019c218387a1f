package io.kbt.feeds;

import java.nio.file.Path;

/** One file of a data directory and what its name and content say it holds. */
public record DataFile(Path path, Kind kind) {
    /** The formats kbt reads. */
    public enum Kind {
        /** Recorded websocket frames, JSONL (gzip accepted). */
        KALSHI_WS,
        /** REST {@code /markets/trades} pages. */
        REST_TRADES,
        /** Kalshi market objects. */
        MARKETS,
        /** {@code ts,price} index ticks. */
        INDEX_CSV,
        /** The 2023 seed CSV of one market and its index. */
        SEED_CSV
    }
}
