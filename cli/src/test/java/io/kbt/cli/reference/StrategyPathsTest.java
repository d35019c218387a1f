package io.kbt.cli.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.Strategy;
import io.kbt.feeds.DataDirectory;
import io.kbt.engine.event.DataSet;
import io.kbt.reports.BacktestReport;
import io.kbt.reports.RunInfo;
import io.kbt.reports.SummaryJson;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.ReferenceStrategies;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimised {@code FairValueStrategy} against {@link ReferenceFairValueStrategy}, the straightforward one, on
 * the same engine: on the real 2023-04-10 day and on generated days with 14 markets at a time, for parameter sets
 * that reach every branch (seed and default presets, taking quotes, refused post-only quotes, the loss stop, the
 * stop before close, the normal model, per-event reaction). With a report the two write byte-identical
 * {@code fills.csv}, {@code timeseries.csv} and {@code summary.json} (timings zeroed); in a sweep, where no one
 * records fair values and the strategy takes its fast paths, they give identical figures and fills.
 */
class StrategyPathsTest {
    private static final Path REAL_DAY =
            Path.of(System.getProperty("kbt.sharedData", "../../shared/data"), "kalshi-2023-04");

    private static final List<Map<String, String>> SETS = List.of(
            Map.of("preset", "seed"),
            Map.of(),
            Map.of("preset", "seed", "halfSpread", "0", "skew", "0.35", "crossGuard", "false"),
            Map.of("preset", "seed", "halfSpread", "0.5", "crossGuard", "false", "postOnly", "true",
                    "stopBeforeCloseSeconds", "900"),
            Map.of("preset", "seed", "halfSpread", "3", "skew", "0.25", "quoteSize", "25", "positionLimit", "60"),
            Map.of("preset", "seed", "halfSpread", "0", "crossGuard", "false", "maxLossCents", "300"));

    @TempDir
    Path tmp;

    @Test
    void realDayGivesTheSameReportsAndSweepFigures() throws IOException {
        LocalDate day = LocalDate.of(2023, 4, 10);
        compareAll(REAL_DAY, new Selection(List.of("INXD"), List.of(), day, day));
    }

    @Test
    void generatedDaysWithFourteenMarketsGiveTheSameReportsAndSweepFigures() throws IOException {
        LocalDate start = LocalDate.of(2026, 1, 5);
        Path data = tmp.resolve("generated");
        new Generator(GeneratorConfig.of(start, 2, 12, 11)).writeTo(data, false);
        compareAll(data, new Selection(List.of(), List.of(), start, start.plusDays(1)));
    }

    private void compareAll(Path dir, Selection selection) throws IOException {
        Instruments instruments;
        EventTape tape;
        try (DataSet data = new DataDirectory(dir).open(selection)) {
            instruments = data.instruments();
            tape = EventTape.record(data.events());
        }
        assertThat(tape.size()).isPositive();
        int run = 0;
        for (Map<String, String> set : SETS) {
            StrategySpec spec = StrategyCatalog.builtIn().spec("cauchy", set);
            compare(instruments, tape, spec, ReplayConfig.defaults(), run++);
        }
        StrategySpec normal = StrategyCatalog.builtIn().spec("normal", Map.of("preset", "seed"));
        compare(instruments, tape, normal, ReplayConfig.defaults(), run++);
        StrategySpec seed = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        compare(instruments, tape, seed, ReplayConfig.defaults().withReactPerEvent(true), run);
    }

    private void compare(Instruments instruments, EventTape tape, StrategySpec spec, ReplayConfig config, int run)
            throws IOException {
        Function<Instruments, Strategy> reference =
                i -> ReferenceStrategies.reference(spec, i);
        Function<Instruments, Strategy> optimised = spec::newStrategy;

        Path expected = tmp.resolve(run + "-reference");
        Path actual = tmp.resolve(run + "-optimised");
        Map<String, Object> expectedSummary = report(instruments, tape, spec, config, reference, expected);
        Map<String, Object> actualSummary = report(instruments, tape, spec, config, optimised, actual);
        assertThat(actualSummary).as("summary of %s", spec).isEqualTo(expectedSummary);
        assertThat(actualSummary.get("fills")).as("fills of %s", spec).isNotEqualTo(0L);
        for (String file : List.of("fills.csv", "timeseries.csv")) {
            assertThat(Files.readString(actual.resolve(file)))
                    .as("%s of %s", file, spec)
                    .isEqualTo(Files.readString(expected.resolve(file)));
        }

        Sweep referenceSweep = sweep(instruments, tape, config, reference);
        Sweep optimisedSweep = sweep(instruments, tape, config, optimised);
        assertThat(optimisedSweep.result()).as("sweep figures of %s", spec).isEqualTo(referenceSweep.result());
        assertThat(optimisedSweep.fills()).as("sweep fills of %s", spec).isEqualTo(referenceSweep.fills());
    }

    private static Map<String, Object> report(Instruments instruments, EventTape tape, StrategySpec spec, ReplayConfig config,
            Function<Instruments, Strategy> strategy, Path out) {
        try (BacktestReport report = new BacktestReport(out, instruments, 0)) {
            RunResult result = untimed(Replay.run(instruments, tape.source(), strategy.apply(instruments), config, report));
            Map<String, Object> summary = SummaryJson.summary(result, new RunInfo(spec.name(), spec.params(),
                    LocalDate.EPOCH, LocalDate.EPOCH, "risk-averse", "standard", 0));
            summary.put("timeseries_rows", report.timeseriesRows());
            summary.put("samples", report.samples());
            return summary;
        }
    }

    private static Sweep sweep(Instruments instruments, EventTape tape, ReplayConfig config,
            Function<Instruments, Strategy> strategy) {
        List<Fill> fills = new ArrayList<>();
        RunListener figuresOnly = new RunListener() {
            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }

            @Override
            public boolean wantsSamples() {
                return false;
            }
        };
        RunResult result = Replay.run(instruments, tape.source(), strategy.apply(instruments), config, figuresOnly);
        return new Sweep(untimed(result), fills);
    }

    private static RunResult untimed(RunResult r) {
        return new RunResult(r.markets(), r.events(), r.fills(), r.contracts(), r.volumeMicros(), r.feesMicros(),
                r.pnlMicros(), r.maxDrawdownMicros(), r.maxAbsPosition(), r.peakCapitalMicros(), r.ordersSent(),
                r.cancelsSent(), r.anomalies(), 0);
    }

    private record Sweep(RunResult result, List<Fill> fills) {}
}
