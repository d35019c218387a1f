package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import io.kbt.samples.GeneratedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent use (issue 13, item 7): imports that each need new monthly partitions and backtests reading
 * the store, all at once, all succeed, and the store holds exactly what the imports reported adding.
 */
class ConcurrentUseTest {
    private static final Pattern ADDED = Pattern.compile("([\\d,]+) snapshots?, ([\\d,]+) deltas?, ([\\d,]+) trades?,"
            + " ([\\d,]+) index ticks?");

    @TempDir
    Path dir;

    @Test
    void threeImportsAndThreeBacktestsAtOnceAllSucceedWithExactCounts() throws Exception {
        Path january = generate("2026-01-05");
        Path march = generate("2026-03-02");
        Path may = generate("2026-05-04");
        try (TestDatabase db = TestDatabase.create(ConcurrentUseTest.class)) {
            long[] expected = new long[4];
            for (Path set : List.of(january, march, may)) {
                assertThat(kbt(db, "import", "markets", set.resolve(GeneratedFiles.MARKETS).toString()).exit()).isZero();
            }
            add(expected, imported(db, "import", "kalshi-ws", january.resolve(GeneratedFiles.WEBSOCKET).toString()));
            add(expected, imported(db, "import", "index", january.resolve(GeneratedFiles.INDEX).toString(), "--symbol",
                    "SPX"));

            List<CompletableFuture<CliRun>> runs = new ArrayList<>();
            runs.add(CompletableFuture.supplyAsync(() -> kbt(db, "import", "kalshi-ws",
                    march.resolve(GeneratedFiles.WEBSOCKET).toString())));
            runs.add(CompletableFuture.supplyAsync(() -> kbt(db, "import", "kalshi-ws",
                    may.resolve(GeneratedFiles.WEBSOCKET).toString())));
            runs.add(CompletableFuture.supplyAsync(() -> kbt(db, "import", "index",
                    march.resolve(GeneratedFiles.INDEX).toString(), "--symbol", "SPX")));
            for (int i = 0; i < 3; i++) {
                Path out = dir.resolve("backtest-" + i);
                runs.add(CompletableFuture.supplyAsync(() -> kbt(db, "backtest", "--from", "2026-01-05", "--to",
                        "2026-01-05", "--series", "INXD", "--out", out.toString())));
            }
            for (CompletableFuture<CliRun> future : runs) {
                CliRun run = future.get();
                assertThat(run.exit()).as(run.err()).isZero();
            }
            for (int i = 0; i < 3; i++) {
                add(expected, runs.get(i).join());
            }
            assertThat(new long[] {db.count("book_snapshot"), db.count("book_delta"), db.count("trade"),
                db.count("index_tick")}).isEqualTo(expected);
            assertThat(db.count("pg_class where relkind = 'r' and relname like 'book_delta_p2026_0%'")).isEqualTo(3);
        }
    }

    private Path generate(String start) {
        Path out = dir.resolve("data-" + start);
        CliRun run = CliRun.of("generate", "--out", out.toString(), "--start", start, "--days", "1", "--markets", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        return out;
    }

    private static CliRun kbt(TestDatabase db, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = db.jdbcUrl();
        return CliRun.of(all);
    }

    private static CliRun imported(TestDatabase db, String... args) {
        CliRun run = kbt(db, args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    /** Adds the rows every summary line of {@code run} reports. */
    private static void add(long[] totals, CliRun run) {
        Matcher m = ADDED.matcher(run.out());
        int lines = 0;
        while (m.find()) {
            for (int i = 0; i < 4; i++) {
                totals[i] += Long.parseLong(m.group(i + 1).replace(",", ""));
            }
            lines++;
        }
        assertThat(lines).as(run.out()).isPositive();
    }
}
