package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.samples.Samples;
import io.kbt.db.testing.TestDatabase;
import io.kbt.feeds.DataDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue model, a fee schedule and a data format from outside kbt's packages ({@code com.example.thirdparty}, registered in this
 * test source set's META-INF/services) are chosen by name like the built-ins.
 */
class ThirdPartyModelsTest {
    private static final String DAY = Samples.START.toString();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void sample() {
        data = Samples.extractTo(dir.resolve("data"));
    }

    private static JsonNode backtest(String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        String[] args = {"backtest", "--data", data.toString(), "--from", DAY, "--set", "preset=seed", "--out", out.toString()};
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exit()).as(run.err()).isZero();
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aThirdPartyQueueModelIsChosenByNameAndChangesTheFills() throws IOException {
        JsonNode riskAverse = backtest("risk-averse");
        JsonNode front = backtest("front", "--queue", "halfway:percent=0");
        JsonNode optimistic = backtest("optimistic", "--queue", "optimistic");

        assertThat(front.get("queue_model").asText()).isEqualTo("halfway:percent=0");
        assertThat(riskAverse.get("queue_model").asText()).isEqualTo("risk-averse");
        // Joining at the front of the queue is what optimistic assumes; both differ from joining at the back.
        assertThat(front.get("fills").asLong()).isEqualTo(optimistic.get("fills").asLong())
                .isNotEqualTo(riskAverse.get("fills").asLong());
    }

    @Test
    void aThirdPartyFeeScheduleIsChosenByNameWithOptionsAndTime() throws IOException {
        JsonNode perContract = backtest("per-contract", "--fees", "per-contract:cents=1,makersFrom=0");
        JsonNode takersOnly = backtest("takers-only", "--fees", "per-contract:cents=1");

        assertThat(perContract.get("fee_schedule").asText()).isEqualTo("per-contract:cents=1,makersFrom=0");
        // Every fill pays 1¢ a contract once makers pay too: fees = contracts exactly.
        assertThat(perContract.get("fees_cents").decimalValue())
                .isEqualByComparingTo(perContract.get("contracts").decimalValue());
        assertThat(perContract.get("fees_cents").decimalValue()).isPositive();
        assertThat(takersOnly.get("fees_cents").decimalValue())
                .isLessThan(perContract.get("fees_cents").decimalValue());
    }

    @Test
    void aThirdPartyDataFormatIsRecognisedInADataDirectory() throws IOException {
        Path tsv = Files.createDirectories(dir.resolve("tsv"));
        Files.copy(data.resolve("markets.json"), tsv.resolve("markets.json"));
        Files.copy(data.resolve("kalshi-ws.jsonl.gz"), tsv.resolve("kalshi-ws.jsonl.gz"));
        try (var csv = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(data.resolve("index-SPX.csv.gz"))), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            lines.add("ts\tlevel");
            csv.readLine();
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                String[] cells = line.split(",");
                lines.add(Instant.parse(cells[0]).toEpochMilli() * 1000 + "\t" + cells[1]);
            }
            Files.write(tsv.resolve("index-SPX.tsv"), lines);
        }

        assertThat(new DataDirectory(tsv).files()).extracting(f -> f.format().name())
                .containsExactlyInAnyOrder("markets", "kalshi-ws", "index-tsv");
        JsonNode fromCsv = backtest("csv-index");
        Path out = dir.resolve("tsv-index");
        CliRun run = CliRun.of("backtest", "--data", tsv.toString(), "--from", DAY, "--set", "preset=seed",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode fromTsv = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(fromTsv.get("fills").asLong()).isPositive().isEqualTo(fromCsv.get("fills").asLong());
        assertThat(fromTsv.get("pnl_cents")).isEqualTo(fromCsv.get("pnl_cents"));

        try (TestDatabase db = TestDatabase.create(ThirdPartyModelsTest.class)) {
            CliRun imported = CliRun.of("import", "format", "index-tsv", tsv.resolve("index-SPX.tsv").toString(),
                    "--symbol", "SPX", "--db", db.jdbcUrl());
            CliRun unknown = CliRun.of("import", "format", "parquet", tsv.resolve("index-SPX.tsv").toString(),
                    "--db", db.jdbcUrl());

            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(db.count("index_tick")).isEqualTo(Files.readAllLines(tsv.resolve("index-SPX.tsv")).size() - 1);
            assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(unknown.err()).contains("unknown data format 'parquet'").contains("index-tsv").contains("kalshi-ws");
        }
    }

    @Test
    void anUnknownModelListsTheThirdPartyOnesToo() {
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--from", DAY, "--queue", "fifo",
                "--out", dir.resolve("fifo").toString());
        CliRun badOption = CliRun.of("backtest", "--data", data.toString(), "--from", DAY, "--queue", "halfway:share=2",
                "--out", dir.resolve("share").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown queue model 'fifo'").contains("risk-averse").contains("halfway");
        assertThat(badOption.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).contains("halfway: unknown option 'share' (takes percent)");
    }
}
