package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.ws.Recorder;
import io.kbt.kalshi.ws.RecorderListener;
import io.kbt.kalshi.ws.RecordingOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kbt record}: records Kalshi's live order books and trades of some series to daily JSONL.gz files and,
 * unless {@code --no-db}, into PostgreSQL as they are written. SIGINT/SIGTERM finish cleanly; a killed recorder's
 * files are recovered at the next start.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record Kalshi's live order books and trades (websocket) to daily files and PostgreSQL.")
public final class RecordCommand implements Callable<Integer> {
    static final URI PROD_WS = URI.create("wss://external-api-ws.kalshi.com/trade-api/ws/v2");
    static final URI PROD_REST = URI.create("https://external-api.kalshi.com/trade-api/v2");
    static final URI DEMO_WS = URI.create("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2");
    static final URI DEMO_REST = URI.create("https://external-api.demo.kalshi.co/trade-api/v2");

    enum Env { PROD, DEMO }

    @Mixin DatabaseOptions db;
    @Spec CommandSpec spec;

    @Option(names = "--series", split = ",", paramLabel = "S",
            description = "Series whose open markets to record, e.g. INXD,KXINX (markets opening later are added).")
    List<String> series = new ArrayList<>();

    @Option(names = "--market", paramLabel = "T", description = "A market to record (repeatable).")
    List<String> markets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "recordings",
            description = "Directory of the daily files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-db", description = "Write the files only.")
    boolean noDb;

    @Option(names = "--env", defaultValue = "prod", paramLabel = "prod|demo",
            description = "Kalshi environment (default: ${DEFAULT-VALUE}); keys work on one only.")
    Env env;

    @Option(names = "--ws-url", paramLabel = "URL", description = "Websocket URL (overrides --env).")
    URI wsUrl;

    @Option(names = "--rest-url", paramLabel = "URL", description = "REST base URL (overrides --env).")
    URI restUrl;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long: 90s, 30m, 6h, 2d or PT1H.")
    String duration;

    @Option(names = "--until", paramLabel = "TIME",
            description = "Stop at this time: an ISO instant (2026-07-01T20:05:00Z) or New York local time "
                    + "(2026-07-01T16:05).")
    String until;

    @Mixin
    KalshiKeyOptions key = new KalshiKeyOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (series.isEmpty() && markets.isEmpty()) {
            throw new UsageException("give --series S,... or --market T: what to record");
        }
        if (duration != null && until != null) {
            throw new UsageException("give --for or --until, not both");
        }
        KalshiCredentials credentials = key.credentials()
                .orElseThrow(() -> new UsageException("kbt record needs an API key: --key-id and --key-file, or env "
                        + KalshiCredentials.KEY_ID_ENV + " and " + KalshiCredentials.KEY_FILE_ENV));
        Clock clock = Clock.systemUTC();
        RecordingOptions options = RecordingOptions.of(upper(series), markets, out(), ws(), rest(), credentials,
                until != null ? parseUntil(until) : null);
        if (duration != null) {
            options = options.recordingFor(parseDuration(duration));
        }
        Database database = null;
        if (!noDb) {
            DbUrl url = db.resolve();
            Database.migrate(url);
            database = Database.open(url);
        }
        try (Database closing = database) {
            RecordProgress progress = new RecordProgress(err, System.console() != null);
            RecorderListener listener = closing == null ? progress : new DatabaseRecording(closing, progress);
            Recorder recorder = new Recorder(options, listener, clock);
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                recorder.stop();
                try {
                    done.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kbt-record-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Recorder.Summary summary = recorder.run();
                progress.end();
                out.println(summary(summary));
                out.flush();
                return ExitCode.OK;
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is what is stopping us
                }
            }
        }
    }

    private Path out() {
        return out.toAbsolutePath().normalize();
    }

    private URI ws() {
        return wsUrl != null ? wsUrl : env == Env.DEMO ? DEMO_WS : PROD_WS;
    }

    private URI rest() {
        return restUrl != null ? restUrl : env == Env.DEMO ? DEMO_REST : PROD_REST;
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }

    static String summary(Recorder.Summary s) {
        StringBuilder line = new StringBuilder(String.format(
                "recorded %,d frames in %s: %d market(s), %d gap(s), %d reconnect(s), %d error frame(s); %d file(s)",
                s.frames(), humanDuration(s.elapsed()), s.markets(), s.gaps(), s.reconnects(), s.errors(),
                s.sealed().size()));
        s.sealed().forEach(f -> line.append(System.lineSeparator()).append("  ").append(f));
        return line.toString();
    }

    private static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new UsageException("--for " + text + ": expected a duration such as 90s, 30m, 6h, 2d or PT1H");
        }
    }

    static Instant parseUntil(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.of("America/New_York")).toInstant();
            } catch (DateTimeParseException again) {
                throw new UsageException("--until " + text + ": expected 2026-07-01T20:05:00Z or New York local "
                        + "2026-07-01T16:05");
            }
        }
    }
}
