package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.engine.market.Selection;
import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.auth.KeyFileException;
import io.kbt.kalshi.rest.HistoryFetch;
import io.kbt.kalshi.rest.KalshiHttp;
import io.kbt.kalshi.rest.KalshiRest;
import io.kbt.kalshi.rest.KindSummary;
import io.kbt.kalshi.rest.RateLimiter;
import io.kbt.kalshi.rest.RequestHeaders;
import io.kbt.kalshi.rest.RetryPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kbt fetch markets|trades|candles|fees}: Kalshi's history over REST into the store (see {@link HistoryFetch}),
 * rate-limited, retried, resumable, with a progress bar and a summary line per kind.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch Kalshi's history over REST: markets, trades, candles, fee changes.",
        subcommands = {FetchCommand.Markets.class, FetchCommand.Trades.class, FetchCommand.Candles.class,
            FetchCommand.Fees.class})
public final class FetchCommand {
    public static final String PRODUCTION = "https://external-api.kalshi.com/trade-api/v2";
    public static final String DEMO = "https://external-api.demo.kalshi.co/trade-api/v2";

    /** Options every fetch takes. */
    static final class FetchOptions {
        @Mixin DatabaseOptions db;

        @Option(names = "--series", paramLabel = "S", split = ",", description = "series tickers (repeatable, or S1,S2)")
        List<String> series = new ArrayList<>();

        @Option(names = "--market", paramLabel = "T", split = ",", description = "market tickers (repeatable)")
        List<String> markets = new ArrayList<>();

        @Option(names = "--from", paramLabel = "D", description = "markets closing on or after this New York date")
        LocalDate from;

        @Option(names = "--to", paramLabel = "D", description = "markets closing on or before this New York date")
        LocalDate to;

        @Option(names = "--out", paramLabel = "DIR",
                description = "also keep what was fetched here, as files kbt import reads")
        Path out;

        @Option(names = "--rate", paramLabel = "N", defaultValue = "10",
                description = "requests per second at most (default: ${DEFAULT-VALUE}; Kalshi's basic tier allows 20)")
        double rate;

        @Option(names = "--env", paramLabel = "prod|demo", defaultValue = "prod",
                description = "Kalshi environment (default: ${DEFAULT-VALUE})")
        String env;

        @Option(names = "--base-url", paramLabel = "URL", description = "REST base URL (overrides --env)")
        URI baseUrl;

        /** Optional for fetching: Kalshi serves its history without a key. */
        @Mixin
        KalshiKeyOptions key = new KalshiKeyOptions();

        Selection selection(boolean needsDates) {
            if (series.isEmpty() && markets.isEmpty()) {
                throw new UsageException("name at least one --series or --market");
            }
            if (needsDates && (from == null || to == null) && !series.isEmpty()) {
                throw new UsageException("--series needs --from and --to");
            }
            if (!(rate > 0)) {
                throw new UsageException("--rate must be positive, was " + rate);
            }
            LocalDate f = from != null ? from : LocalDate.of(2000, 1, 1);
            LocalDate t = to != null ? to : LocalDate.of(2100, 1, 1);
            try {
                return new Selection(series, markets, f, t);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        URI base() {
            if (baseUrl != null) {
                return baseUrl;
            }
            return switch (env) {
                case "prod" -> URI.create(PRODUCTION);
                case "demo" -> URI.create(DEMO);
                default -> throw new UsageException("--env must be prod or demo, was " + env);
            };
        }

        RequestHeaders headers() {
            try {
                return key.credentials()
                        .<RequestHeaders>map(c -> (method, path) -> c.headers(method, path, System.currentTimeMillis()))
                        .orElse(RequestHeaders.NONE);
            } catch (KeyFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    @FunctionalInterface
    interface Job {
        List<KindSummary> run(HistoryFetch fetch, Selection selection);
    }

    static int run(CommandSpec spec, FetchOptions o, boolean needsDates, Job job) {
        Selection selection = o.selection(needsDates);
        KalshiRest rest = new KalshiRest(new KalshiHttp(o.base(), new RateLimiter(o.rate), RetryPolicy.DEFAULT,
                o.headers()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = o.out != null ? o.out : scratch();
        long started = System.nanoTime();
        try (Database db = o.db.open()) {
            HistoryFetch fetch = new HistoryFetch(db, rest, work, () -> System.currentTimeMillis() * 1000,
                    new FetchProgressBar());
            for (KindSummary s : job.run(fetch, selection)) {
                s.warnings().forEach(w -> err.println("kbt: warning: " + w));
                out.println(s.line());
            }
        } finally {
            if (o.out == null) {
                delete(work);
            }
        }
        out.printf("%s in %.1f s (%.1f requests/s, limit %s)%n", rest.stats(), (System.nanoTime() - started) / 1e9,
                rest.stats().requests() / ((System.nanoTime() - started) / 1e9), o.rate);
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("kbt-fetch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory left behind is harmless
        }
    }

    @Command(name = "markets", mixinStandardHelpOptions = true,
            description = "Markets of the series closing in the range (both tiers), upserted by ticker.")
    static final class Markets implements Callable<Integer> {
        @Mixin FetchOptions options;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, options, true, (f, s) -> List.of(f.markets(s)));
        }
    }

    @Command(name = "trades", mixinStandardHelpOptions = true,
            description = "Markets, then every trade of them (both tiers), stored once; resumes where it stopped.")
    static final class Trades implements Callable<Integer> {
        @Mixin FetchOptions options;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, options, true, (f, s) -> List.of(f.markets(s), f.trades(s)));
        }
    }

    @Command(name = "candles", mixinStandardHelpOptions = true,
            description = "Markets, then their candles (yes bid, yes ask, trade price), paged by time.")
    static final class Candles implements Callable<Integer> {
        @Mixin FetchOptions options;
        @Spec CommandSpec spec;

        @Option(names = "--period", paramLabel = "MINUTES", defaultValue = "1",
                description = "1, 60 or 1440 (default: ${DEFAULT-VALUE})")
        int period;

        @Override
        public Integer call() {
            if (period != 1 && period != 60 && period != 1440) {
                throw new UsageException("--period must be 1, 60 or 1440, was " + period);
            }
            return run(spec, options, true, (f, s) -> List.of(f.markets(s), f.candles(s, period)));
        }
    }

    @Command(name = "fees", mixinStandardHelpOptions = true, description = "The fee changes of the series.")
    static final class Fees implements Callable<Integer> {
        @Mixin FetchOptions options;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            if (options.series.isEmpty()) {
                throw new UsageException("kbt fetch fees needs --series");
            }
            return run(spec, options, false, (f, s) -> List.of(f.fees(s.series())));
        }
    }
}
