package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private record Run(int exitCode, String out, String err) {}

    private static Run kbt(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kbt.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheThreeFilesAndTheSameArgumentsWriteTheSameBytes(@TempDir Path dir) throws IOException {
        Run first = kbt("generate", "--out", dir.resolve("a").toString(), "--start", "2026-01-05", "--days", "1",
                "--markets", "1", "--seed", "3");
        Run second = kbt("generate", "--out", dir.resolve("b").toString(), "--start", "2026-01-05", "--days", "1",
                "--markets", "1", "--seed", "3");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("generated 1 trading days × 3 markets").contains("events/s");
        for (String file : new String[] {"kalshi-ws.jsonl", "index-SPX.csv", "markets.json"}) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isNotEmpty()
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void statsPrintSpreadsTradesPerMarketAndRealisedVolatility(@TempDir Path dir) {
        Run run = kbt("generate", "--out", dir.toString(), "--start", "2026-01-05", "--days", "1", "--markets", "1",
                "--daily-vol", "0.02", "--gzip", "--stats");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("kalshi-ws.jsonl.gz")).exists();
        assertThat(dir.resolve("index-SPX.csv.gz")).exists();
        assertThat(run.out())
                .contains("spread near 50¢ (mid 35–65¢):")
                .contains("within 1–5¢:")
                .contains("trades per market:")
                // the index opens at 6000: one bracket 6000-6024.99 and the tails below and above it
                .contains("INXD-26JAN05-T6000 ")
                .contains("INXD-26JAN05-B6012 ")
                .contains("INXD-26JAN05-T6024.99 ")
                .containsPattern("realised daily σ: 1\\.9\\d\\d% \\(configured 2\\.000%|realised daily σ: 2\\.0\\d\\d% \\(configured 2\\.000%");
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) {
        Run noDays = kbt("generate", "--out", dir.toString(), "--start", "2026-01-05", "--days", "0");
        assertThat(noDays.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noDays.err()).contains("days must be at least 1");
        Run verbose = kbt("generate", "--verbose", "--db", "jdbc:postgresql://nowhere/kbt", "--out", dir.toString(),
                "--start", "2026-01-05", "--days", "0");
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(verbose.err()).contains("days must be at least 1").contains("UsageException");
        Run badDate = kbt("generate", "--out", dir.toString(), "--start", "2026-13-05", "--days", "1");
        assertThat(badDate.exitCode()).isEqualTo(ExitCode.USAGE);
        Run missing = kbt("generate", "--start", "2026-01-05", "--days", "1");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--out");
    }
}
