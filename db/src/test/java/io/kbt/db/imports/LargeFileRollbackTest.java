package io.kbt.db.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import io.kbt.feeds.BadInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of many COPY chunks (made small here), so that rows are already COPYed, into partitions created for
 * them, when a bad line at its end is met: the whole file still rolls back, partitions included. The good
 * version spans two months and lands in two partitions.
 */
class LargeFileRollbackTest {
    private static final int DELTAS = 6_000;
    private static final String M = "KXTEST-26JAN31-T100";

    static TestDatabase testDb;
    static Database db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void create() {
        testDb = TestDatabase.create(LargeFileRollbackTest.class);
        db = testDb.open();
    }

    @AfterAll
    static void drop() {
        db.close();
        testDb.close();
    }

    @Test
    void aBadLineAfterChunksWereCopiedRollsBackTheWholeFile() throws IOException {
        Path file = recording("bad.jsonl", true);
        EventImporter importer = new EventImporter(db, ImportProgress.NONE, 16 << 10);
        assertThatThrownBy(() -> importer.importFile(Imports.kalshiWs(file)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":" + (DELTAS + 2) + ":");
        assertThat(testDb.count("book_delta")).isZero();
        assertThat(testDb.count("market")).isZero();
        assertThat(testDb.count("import_batch")).isZero();
    }

    @Test
    void aGoodFileAcrossAMonthEndLandsInTwoPartitions() throws IOException {
        Path file = recording("good.jsonl", false);
        ImportReport report = new EventImporter(db, ImportProgress.NONE, 16 << 10).importFile(Imports.kalshiWs(file));
        assertThat(report.deltas()).isEqualTo(DELTAS);
        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(testDb.count("book_delta")).isEqualTo(DELTAS);
        assertThat(testDb.count("only book_delta_p2026_01")).isPositive();
        assertThat(testDb.count("only book_delta_p2026_02")).isPositive();
        assertThat(testDb.count("only book_delta_p2026_01") + testDb.count("only book_delta_p2026_02"))
                .isEqualTo(DELTAS);
    }

    /** A snapshot and DELTAS deltas from Jan 31 into Feb 1 (UTC), optionally followed by a broken line. */
    private static Path recording(String name, boolean brokenAtEnd) throws IOException {
        Path file = dir.resolve(name);
        long ts = Instant.parse("2026-01-31T23:30:00Z").getEpochSecond() * 1_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"" + M
                    + "\",\"yes_dollars_fp\":[[\"0.4000\",\"10.00\"]],\"no_dollars_fp\":[[\"0.5000\",\"10.00\"]]}}\n");
            for (int i = 0; i < DELTAS; i++) {
                ts += 1_000_000;
                out.write("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + (i + 2) + ",\"msg\":{\"market_ticker\":\""
                        + M + "\",\"price_dollars\":\"0.4000\",\"delta_fp\":\"" + (i % 2 == 0 ? "1.25" : "-1.25")
                        + "\",\"side\":\"yes\",\"ts\":\"" + Instant.EPOCH.plusNanos(ts * 1000) + "\"}}\n");
            }
            if (brokenAtEnd) {
                out.write("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + (DELTAS + 2) + ",\"msg\":{\"mark\n");
            }
        }
        return file;
    }
}
