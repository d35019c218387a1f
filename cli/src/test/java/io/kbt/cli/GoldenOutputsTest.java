package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.testing.TestDatabase;
import io.kbt.samples.GeneratedFiles;
import io.kbt.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole {@code kbt backtest} runs against outputs committed before the speed work of issue 18: the real
 * 2023-04-10 day and the bundled two generated days (14 markets), each from the files and from PostgreSQL, must
 * write the same byte-identical {@code fills.csv} and {@code timeseries.csv} and the same {@code summary.json} less its
 * timings. The expected SHA-256 digests are in {@code golden/outputs.sha256}; a change that is meant to alter
 * results must replace them (the failure prints the new ones) and say why in its commit.
 */
class GoldenOutputsTest {
    private static final String REAL_TICKER = "INXD-23APR10-B4075";

    @TempDir
    static Path dir;
    static TestDatabase db;
    static Path realDay;
    static Path sample;

    @BeforeAll
    static void importBoth() {
        db = TestDatabase.create(GoldenOutputsTest.class);
        realDay = Path.of(System.getProperty("kbt.sharedData"), "kalshi-2023-04");
        sample = Samples.extractTo(dir.resolve("sample"));
        for (List<String> command : List.of(
                List.of("import", "markets", realDay.resolve("markets.json").toString()),
                List.of("import", "seed-csv", realDay.resolve("apr-10-combined.csv").toString(), "--market", REAL_TICKER,
                        "--symbol", "SPX"),
                List.of("import", "markets", sample.resolve(GeneratedFiles.MARKETS).toString()),
                List.of("import", "index", sample.resolve(GeneratedFiles.INDEX + ".gz").toString(), "--symbol", "SPX"),
                List.of("import", "kalshi-ws", sample.resolve(GeneratedFiles.WEBSOCKET + ".gz").toString()))) {
            CliRun run = CliRun.of(Stream.concat(command.stream(), Stream.of("--db", db.jdbcUrl())).toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void realDayFromFilesAndFromPostgresMatchesTheCommittedOutputs() throws IOException {
        List<String> range = List.of("--from", "2023-04-10", "--to", "2023-04-10", "--series", "INXD");
        assertMatches("real-day", backtest("real-files", range, "--data", realDay.toString()));
        assertMatches("real-day", backtest("real-db", range, "--db", db.jdbcUrl()));
    }

    @Test
    void generatedDaysFromFilesAndFromPostgresMatchTheCommittedOutputs() throws IOException {
        List<String> range = List.of("--from", Samples.START.toString(), "--to", Samples.lastDay().toString(),
                "--series", "INXD", "--sample", "60");
        assertMatches("sample", backtest("sample-files", range, "--data", sample.toString()));
        assertMatches("sample", backtest("sample-db", range, "--db", db.jdbcUrl()));
    }

    private static Path backtest(String name, List<String> range, String sourceOption, String source) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("backtest", "--set", "preset=seed", "--out", out.toString(),
                sourceOption, source));
        args.addAll(range);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return out;
    }

    private static void assertMatches(String data, Path report) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put(data + " fills.csv", sha256(Files.readAllBytes(report.resolve("fills.csv"))));
        actual.put(data + " timeseries.csv", sha256(Files.readAllBytes(report.resolve("timeseries.csv"))));
        actual.put(data + " summary.json", sha256(untimedSummary(report)));
        Map<String, String> expected = expected();
        Map<String, String> mine = new LinkedHashMap<>();
        actual.keySet().forEach(key -> mine.put(key, expected.get(key)));
        assertThat(actual).as("outputs in %s (new digests, if the change is meant: %s)", report, lines(actual))
                .isEqualTo(mine);
    }

    private static byte[] untimedSummary(Path report) throws IOException {
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(UntimedSummary.of(report));
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (InputStream in = GoldenOutputsTest.class.getResourceAsStream("/golden/outputs.sha256")) {
            assertThat(in).as("golden/outputs.sha256 on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                digests.put(fields[0] + " " + fields[1], fields[2]);
            }
        }
        return digests;
    }

    private static String lines(Map<String, String> digests) {
        StringBuilder out = new StringBuilder("\n");
        digests.forEach((key, digest) -> out.append(key).append(' ').append(digest).append('\n'));
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
