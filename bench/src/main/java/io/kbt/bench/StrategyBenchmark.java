package io.kbt.bench;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.feeds.DataDirectory;
import io.kbt.engine.event.DataSet;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reference strategy as a sweep set runs it: the real {@code FairValueStrategy} (cauchy, preset seed) over
 * generated data ({@code kbt generate --days 5 --markets 12 --seed 1}: 14 markets open at a time), replayed
 * from an {@link EventTape} with no one recording samples. The first {@value #EVENTS} events of the five days
 * are replayed (a constant, so the score is events per second on one thread). {@code seedWithSamples} is the
 * same run with a listener that takes samples, as a {@code kbt backtest} report does: every market priced
 * exactly on every batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StrategyBenchmark {
    static final int EVENTS = 750_000;
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    private Instruments instruments;
    private EventTape tape;
    private StrategySpec seed;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Files.createTempDirectory("kbt-strategy-bench");
        try {
            new Generator(GeneratorConfig.of(START, 5, 12, 1)).writeTo(dir, false);
            try (DataSet data = new DataDirectory(dir).open(new Selection(List.of(), List.of(), START,
                    START.plusDays(6)))) {
                instruments = data.instruments();
                tape = EventTape.record(new FirstEvents(data.events(), EVENTS));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(StrategyBenchmark::delete);
            }
        }
        if (tape.size() != EVENTS) {
            throw new IllegalStateException("generated " + tape.size() + " events, expected " + EVENTS);
        }
        seed = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunResult seedSweepSet() {
        return Replay.run(instruments, tape.source(), seed.newStrategy(instruments), ReplayConfig.defaults(),
                RunListener.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunResult seedWithSamples() {
        return Replay.run(instruments, tape.source(), seed.newStrategy(instruments), ReplayConfig.defaults(),
                new RunListener() {});
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code limit} events of a source. */
    private static final class FirstEvents implements EventSource {
        private final EventSource source;
        private int left;

        FirstEvents(EventSource source, int limit) {
            this.source = source;
            this.left = limit;
        }

        @Override
        public MarketEvent next() {
            return left-- > 0 ? source.next() : null;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
