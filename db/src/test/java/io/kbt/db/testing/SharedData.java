package io.kbt.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reference data beside the checkout ({@code kbt.sharedData}, set by surefire). */
public final class SharedData {
    private SharedData() {}

    public static Path file(String relative) {
        String root = System.getProperty("kbt.sharedData", "../shared/data");
        Path file = Path.of(root).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("reference data missing: " + file + " (set -Dkbt.sharedData)");
        }
        return file;
    }

    public static final String SEED_CSV = "kalshi-2023-04/apr-10-combined.csv";
    public static final String MARKETS_2023 = "kalshi-2023-04/markets.json";
    public static final String WS_2026 = "kalshi-ws-2026-07/session.jsonl";
    public static final String SEED_TICKER = "INXD-23APR10-B4075";
}
