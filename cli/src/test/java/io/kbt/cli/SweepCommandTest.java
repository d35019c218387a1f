package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbt sweep} over several days: day shards, daily.csv, and the same sweep.csv as an unsharded sweep. */
class SweepCommandTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        new Generator(GeneratorConfig.of(MONDAY, 3, 3, 11)).writeTo(dir.resolve("data"), false);
    }

    private static CliRun sweep(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--data", dir.resolve("data").toString(),
                "--from", MONDAY.toString(), "--to", MONDAY.plusDays(2).toString(), "--set", "preset=seed",
                "--grid", "halfSpread=1,2", "--grid", "skew=0,0.2", "--threads", "2", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void dailyRowsSumToTheSweepAndTheUnshardedSweepAgrees() throws IOException {
        CliRun sharded = sweep(dir.resolve("sharded"));
        CliRun unsharded = sweep(dir.resolve("unsharded"), "--shards", "off");

        assertThat(sharded.exit()).as(sharded.err()).isZero();
        assertThat(unsharded.exit()).as(unsharded.err()).isZero();
        assertThat(sharded.out()).contains("4 parameter sets × 3 shard(s) = 12 cells");
        assertThat(unsharded.out()).contains("× 1 shard(s)");
        assertThat(withoutTimings(dir.resolve("sharded/sweep.csv")))
                .isEqualTo(withoutTimings(dir.resolve("unsharded/sweep.csv")));

        List<String> daily = Files.readAllLines(dir.resolve("sharded/daily.csv"));
        assertThat(daily.get(0)).isEqualTo(
                "halfSpread,skew,day,pnl_cents,fills,contracts,fees_cents,max_abs_position,max_drawdown_cents");
        assertThat(daily).hasSize(1 + 4 * 3);
        Map<String, BigDecimal> pnlBySet = new HashMap<>();
        for (String row : daily.subList(1, daily.size())) {
            String[] f = row.split(",");
            pnlBySet.merge(f[0] + "," + f[1], new BigDecimal(f[3]), BigDecimal::add);
        }
        List<String> sweepCsv = Files.readAllLines(dir.resolve("sharded/sweep.csv"));
        int pnlColumn = List.of(sweepCsv.get(0).split(",")).indexOf("pnl_cents");
        for (String row : sweepCsv.subList(1, sweepCsv.size())) {
            String[] f = row.split(",");
            assertThat(pnlBySet.get(f[0] + "," + f[1])).isEqualByComparingTo(new BigDecimal(f[pnlColumn]));
        }
    }

    @Test
    void statisticsWalkForwardAndTheirPageAreWritten() throws IOException {
        Path out = dir.resolve("stats");
        CliRun run = sweep(out, "--walk-forward", "train=1,test=1", "--select", "sharpe", "--pbo-splits", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("deflated Sharpe").contains("probability of backtest overfitting")
                .contains("walk-forward train=1,test=1 by sharpe");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        var stats = json.get("statistics");
        assertThat(stats.get("days")).hasSize(3);
        assertThat(stats.get("sets")).hasSize(4);
        assertThat(stats.get("pbo_combinations").asInt()).isEqualTo(2);
        assertThat(stats.get("walk_forward").get("windows")).hasSize(2);
        assertThat(stats.get("deflated_sharpe").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.resolve("sweep.html")).content().contains("Walk-forward").contains("heatmap-pnl.png")
                .contains("pbo-logits.png").contains("daily-pnl.png");
        assertThat(out.resolve("walk-forward.png")).isNotEmptyFile();
        assertThat(out.resolve("pbo-logits.png")).isNotEmptyFile();
    }

    @Test
    void tooFewDaysForTheRequestedSplitsIsAUsageErrorBeforeAnyCellRuns() {
        CliRun run = sweep(dir.resolve("refused"), "--pbo-splits", "16");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--pbo-splits 16 needs at least 16 days").contains("has 3");
        assertThat(dir.resolve("refused/sweep.csv")).doesNotExist();
    }

    /** sweep.csv without its timing columns, which differ from run to run. */
    private static List<String> withoutTimings(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int replay = header.indexOf("replay_ms");
        int rate = header.indexOf("events_per_second");
        return lines.stream().map(line -> {
            String[] f = line.split(",");
            f[replay] = "";
            f[rate] = "";
            return String.join(",", f);
        }).toList();
    }
}
