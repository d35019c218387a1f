package io.kbt.cli;

import io.kbt.samples.GenerationStats;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kbt generate}: deterministic synthetic Kalshi data (websocket JSONL, markets JSON, index CSV) for trying
 * kbt without recordings and for benchmarks; the same arguments always write the same bytes.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic S&P 500 index ticks and INXD events (brackets 25 points wide around each open plus two"
                    + " tail markets) with their order books and trades, in Kalshi's formats.",
            "Files in DIR: kalshi-ws.jsonl, index-SPX.csv (.gz with --gzip), markets.json; same seed, same bytes."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    private Path out;

    @Option(names = "--start", required = true, paramLabel = "DATE",
            description = "First trading day (ISO date; a weekend starts on the Monday after).")
    private LocalDate start;

    @Option(names = "--days", required = true, paramLabel = "N", description = "Trading days (weekends skipped).")
    private int days;

    @Option(names = "--markets", defaultValue = "7", paramLabel = "K",
            description = "Bracket markets per day, plus the two tails (default: ${DEFAULT-VALUE}).")
    private int markets;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--daily-vol", defaultValue = "0.01", paramLabel = "SIGMA",
            description = "Open-to-close volatility of the index as a fraction (default: ${DEFAULT-VALUE}).")
    private double dailyVol;

    @Option(names = "--gzip", description = "Gzip the websocket and index files (kalshi-ws.jsonl.gz, index-SPX.csv.gz).")
    private boolean gzip;

    @Option(names = "--stats", description = "Print the spread distribution, trades per market and realised σ.")
    private boolean stats;

    /** Accepted like every command's; generate needs no database. */
    @Mixin
    private DatabaseOptions database;

    @Override
    public Integer call() {
        GeneratorConfig config;
        try {
            config = GeneratorConfig.withVol(start, days, markets, seed, dailyVol);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        GenerationStats result = new Generator(config).writeTo(out, gzip);
        var printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "generated %d trading days × %d markets into %s: %,d events (%,d websocket frames,"
                        + " %,d index ticks, %,d trades) in %,d ms, %,.0f events/s%n",
                result.days(), result.markets() / result.days(), out, result.events(), result.frames(),
                result.indexTicks(), result.trades(), result.elapsedNanos() / 1_000_000, result.eventsPerSecond());
        if (stats) {
            new GenerationReport(result).print(printer);
        }
        printer.flush();
        return ExitCode.OK;
    }
}
