package io.kbt.bench;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.imports.RecordingStore;
import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.fake.TestKeys;
import io.kbt.kalshi.ws.Recorder;
import io.kbt.kalshi.ws.RecorderListener;
import io.kbt.kalshi.ws.RecorderStatus;
import io.kbt.kalshi.ws.RecordingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Recorder throughput, run by hand (not a test): the fake exchange pushes order-book deltas at {@code --rate}
 * frames/s (0 = flat out) for {@code --seconds}, the recorder writes them to files and, unless {@code --no-db},
 * stores them in PostgreSQL as {@code kbt record} does. Prints frames/s received, the lag (receive time − send
 * time) each second, and how long the database took after the last frame to hold everything.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.kbt.bench.RecorderBench [--rate 50000] [--seconds 20]
 *     [--markets 12] [--db ADMIN_URL | --no-db]</pre>
 */
public final class RecorderBench {
    public static void main(String[] args) throws Exception {
        int rate = 50_000;
        int seconds = 20;
        int markets = 12;
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        boolean db = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--markets" -> markets = Integer.parseInt(args[++i]);
                case "--db" -> admin = args[++i];
                case "--no-db" -> db = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("kbt-record-bench");
        Database database = null;
        if (db) {
            DbUrl server = DbUrl.parse(admin, System.getenv());
            DbUrl url = server.withDatabase("kbt_record_bench");
            try (Connection c = Database.connect(server); Statement s = c.createStatement()) {
                s.execute("drop database if exists kbt_record_bench with (force)");
            }
            Database.migrate(url);
            database = Database.open(url);
        }
        try (RecorderLoad load = new RecorderLoad(markets)) {
            Listener listener = new Listener(database);
            RecordingOptions options = RecordingOptions.of(List.of("INXD"), List.of(), dir.resolve("rec"),
                    load.fake.wsUrl(), load.fake.restUrl(),
                    KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs8")), null);
            Recorder recorder = new Recorder(options, listener, Clock.systemUTC());
            CompletableFuture<Recorder.Summary> run = CompletableFuture.supplyAsync(recorder::run);
            load.start(rate, seconds);
            long started = System.nanoTime();
            long lastFrames = 0;
            List<Double> perSecond = new ArrayList<>();
            long maxLag = Long.MIN_VALUE;
            for (int s = 1; s <= seconds + 2; s++) {
                Thread.sleep(Math.max(0, started + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                RecorderStatus status = listener.status;
                if (status == null) {
                    continue;
                }
                long frames = status.frames();
                System.out.printf("t=%2ds sent %,d received %,d (%,d/s) lag %.3f s%n", s, load.sent.get(), frames,
                        frames - lastFrames, status.lagMicros() / 1e6);
                if (s > 1 && s <= seconds) {
                    perSecond.add((double) (frames - lastFrames));
                    maxLag = Math.max(maxLag, status.lagMicros());
                }
                lastFrames = frames;
            }
            long recorderCpu = recorderCpuNanos();
            long lastSent = System.nanoTime();
            recorder.stop();
            Recorder.Summary summary = run.get();
            long sealedNanos = System.nanoTime() - lastSent;
            double mean = perSecond.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double min = perSecond.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            System.out.printf("%nrate %s, %d markets, %d s: sent %,d, recorded %,d frames; received %,.0f frames/s"
                            + " mean, %,.0f min (per second, first second left out); max lag %.3f s%n",
                    rate == 0 ? "flat out" : String.format("%,d/s", rate), markets, seconds, load.sent.get(),
                    summary.frames(), mean, min, maxLag / 1e6);
            System.out.printf("recorder threads' CPU time %.2f s for %,d frames: %,.0f frames per CPU-second%n",
                    recorderCpu / 1e9, lastFrames, lastFrames / (recorderCpu / 1e9));
            if (database != null) {
                System.out.printf("database: %,d rows; stop, seal and the last commit took %d ms after the run%n",
                        rows(database), sealedNanos / 1_000_000);
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * CPU time of every live thread but the fake exchange's (its websocket server and pusher): the recorder's loop,
     * the JDK websocket client, the database store, GC and JIT; what the recorder costs whatever else the machine runs.
     */
    private static long recorderCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("WebSocket") || name.startsWith("bench-pusher") || name.startsWith("fake-kalshi")
                    || name.startsWith("main")) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(id);
            total += Math.max(0, cpu);
        }
        return total;
    }

    private static long rows(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
                var r = s.executeQuery("select (select count(*) from book_delta) + (select count(*) from book_snapshot)")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Files plus, with a database, a {@link RecordingStore} per file, as {@code kbt record} wires them. */
    private static final class Listener implements RecorderListener {
        private final Database db;
        private final Map<Path, RecordingStore> stores = new java.util.concurrent.ConcurrentHashMap<>();
        volatile RecorderStatus status;

        Listener(Database db) {
            this.db = db;
        }

        @Override
        public void flushed(Path recording, byte[] lines) {
            if (db != null) {
                stores.computeIfAbsent(recording, r -> RecordingStore.start(db, r)).append(lines);
            }
        }

        @Override
        public void sealed(Path recording) {
            RecordingStore store = stores.remove(recording);
            if (store != null) {
                try {
                    store.seal(recording);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void status(RecorderStatus now) {
            status = now;
        }

        @Override
        public void note(String line) {
            System.out.println("recorder: " + line);
        }
    }
}
