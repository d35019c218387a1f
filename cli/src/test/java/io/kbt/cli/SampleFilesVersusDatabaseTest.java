package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.testing.TestDatabase;
import io.kbt.samples.GeneratedFiles;
import io.kbt.samples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fourteen markets over two days give the same report from the files as from PostgreSQL, market by market. */
class SampleFilesVersusDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void multiMarketMultiDayFiguresAndFillsAreIdentical() throws IOException {
        Path data = Samples.extractTo(dir.resolve("data"));
        try (TestDatabase db = TestDatabase.create(SampleFilesVersusDatabaseTest.class)) {
            for (List<String> command : List.of(
                    List.of("import", "markets", data.resolve(GeneratedFiles.MARKETS).toString()),
                    List.of("import", "index", data.resolve(GeneratedFiles.INDEX + ".gz").toString(), "--symbol", "SPX"),
                    List.of("import", "kalshi-ws", data.resolve(GeneratedFiles.WEBSOCKET + ".gz").toString()))) {
                CliRun run = CliRun.of(concat(command, "--db", db.jdbcUrl()));
                assertThat(run.exit()).as(run.err()).isZero();
            }
            String[] range = {"backtest", "--from", Samples.START.toString(), "--to", Samples.lastDay().toString(), "--series", "INXD",
                "--set", "preset=seed", "--sample", "300"};
            CliRun fromDb = CliRun.of(concat(List.of(range), "--out", dir.resolve("db").toString(), "--db", db.jdbcUrl()));
            CliRun fromFiles = CliRun.of(concat(List.of(range), "--out", dir.resolve("files").toString(), "--data", data.toString()));

            assertThat(fromDb.exit()).as(fromDb.err()).isZero();
            assertThat(fromFiles.exit()).as(fromFiles.err()).isZero();
            assertThat(figures(dir.resolve("files"))).isEqualTo(figures(dir.resolve("db")));
            assertThat(figures(dir.resolve("db")).get("markets")).hasSize(14);
            assertThat(Files.readString(dir.resolve("files/fills.csv"))).isEqualTo(Files.readString(dir.resolve("db/fills.csv")));
        }
    }

    private static ObjectNode figures(Path report) throws IOException {
        return UntimedSummary.of(report);
    }

    private static String[] concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toArray(String[]::new);
    }
}
