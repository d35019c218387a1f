package io.kbt.bench;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.ImportReport;
import io.kbt.db.imports.Imports;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Selection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Store throughput, run by hand (not a test): imports a generated websocket recording of ≥ 1 M deltas and times
 * it next to {@code psql \copy} of the same rows into a table of the same shape, then streams the events back
 * through {@link StoredData} next to {@code psql \copy (SELECT ...) TO /dev/null} of the same query.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.kbt.bench.StoreBench [--db ADMIN_URL] [--deltas N]</pre>
 */
public final class StoreBench {
    private static final int MARKETS = 10;

    public static void main(String[] args) throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        int deltas = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> admin = args[++i];
                case "--deltas" -> deltas = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DbUrl server = DbUrl.parse(admin, System.getenv());
        DbUrl url = server.withDatabase("kbt_store_bench");
        execute(server, "drop database if exists kbt_store_bench with (force)");
        Database.migrate(url);
        Path dir = Files.createTempDirectory("kbt-bench");
        try (Database db = Database.open(url)) {
            Path file = generate(dir.resolve("deltas.jsonl"), deltas);
            System.out.printf("generated %s: %,d frames, %,d bytes%n", file, deltas + MARKETS, Files.size(file));

            ImportReport report = new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(file));
            double importRate = report.rows() / report.seconds();
            System.out.printf("kbt import kalshi-ws: %,d rows in %.2f s = %,.0f rows/s (read + parse + COPY)%n",
                    report.rows(), report.seconds(), importRate);

            Path binary = dir.resolve("rows.bin");
            Path text = dir.resolve("rows.txt");
            String columns = "ts, seq, delta, batch_id, market_id, price, side, sub";
            psql(url, "\\copy (select " + columns + " from book_delta) to '" + binary + "' with (format binary)");
            psql(url, "\\copy (select " + columns + " from book_delta) to '" + text + "'");
            psql(url, "create table raw_delta (like book_delta including all)");
            double rawBinary = report.deltas() / psql(url, "\\copy raw_delta (" + columns + ") from '" + binary
                    + "' with (format binary)");
            psql(url, "truncate raw_delta");
            double rawText = report.deltas() / psql(url, "\\copy raw_delta (" + columns + ") from '" + text + "'");
            double raw = Math.max(rawBinary, rawText);
            System.out.printf("psql \\copy of the same rows: binary %,.0f rows/s, text %,.0f rows/s%n", rawBinary,
                    rawText);
            System.out.printf("import / raw COPY = %.2f (target >= 0.5)%n", importRate / raw);

            Selection all = new Selection(List.of(), List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
            long events = 0;
            long started = System.nanoTime();
            try (DataSet data = new StoredData(db).open(all)) {
                while (data.events().next() != null) {
                    events++;
                }
            }
            double streamSeconds = (System.nanoTime() - started) / 1e9;
            double streamRate = events / streamSeconds;
            System.out.printf("StoredData stream: %,d events in %.2f s = %,.0f events/s%n", events, streamSeconds,
                    streamRate);
            String window = "market_id in (select id from market) and ts >= '" + Instant.parse("2026-01-01T05:00:00Z")
                    + "' and ts < '" + Instant.parse("2026-04-01T04:00:00Z") + "'";
            double copyOutSeconds = psql(url,
                    "\\copy (select ts, seq, batch_id, market_id, sub, yes_price, yes_qty, no_price, no_qty from"
                            + " book_snapshot where " + window + " order by ts, seq, batch_id, sub) to '/dev/null'"
                            + " with (format binary)")
                    + psql(url, "\\copy (select " + columns + " from book_delta where " + window
                            + " order by ts, seq, batch_id, sub) to '/dev/null' with (format binary)");
            double copyOutRate = events / copyOutSeconds;
            System.out.printf("psql \\copy (select ... order by ts, seq) to /dev/null: %,.0f rows/s%n", copyOutRate);
            System.out.printf("stream / raw COPY out = %.2f (target >= 0.7)%n", streamRate / copyOutRate);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
            execute(server, "drop database if exists kbt_store_bench with (force)");
        }
    }

    /** A websocket recording: one snapshot per market, then {@code n} deltas that never take a level below zero. */
    public static Path generate(Path file, int n) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long[][][] book = new long[MARKETS][2][100];
        long ts = Instant.parse("2026-01-20T14:30:00Z").getEpochSecond() * 1_000_000L;
        long seq = 1;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int m = 0; m < MARKETS; m++) {
                StringBuilder yes = new StringBuilder();
                StringBuilder no = new StringBuilder();
                for (int p = 30; p < 50; p++) {
                    book[m][0][p] = 100_000;
                    book[m][1][p] = 100_000;
                    yes.append(yes.isEmpty() ? "" : ",").append("[\"0.").append(p).append("00\",\"1000.00\"]");
                    no.append(no.isEmpty() ? "" : ",").append("[\"0.").append(p).append("00\",\"1000.00\"]");
                }
                out.write("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + seq++ + ",\"msg\":{\"market_ticker\":\""
                        + ticker(m) + "\",\"yes_dollars_fp\":[" + yes + "],\"no_dollars_fp\":[" + no + "]}}\n");
            }
            for (int i = 0; i < n; i++) {
                int m = random.nextInt(MARKETS);
                int side = random.nextInt(2);
                int price = 30 + random.nextInt(20);
                long change = random.nextInt(1, 501) * (random.nextBoolean() ? 1 : -1);
                if (book[m][side][price] + change < 0) {
                    change = -change;
                }
                book[m][side][price] += change;
                ts += random.nextInt(1, 5_000_000);
                out.write("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq++ + ",\"msg\":{\"market_ticker\":\""
                        + ticker(m) + "\",\"price_dollars\":\"0." + price + "00\",\"delta_fp\":\"" + hundredths(change)
                        + "\",\"side\":\"" + (side == 0 ? "yes" : "no") + "\",\"ts\":\""
                        + Instant.EPOCH.plusNanos(ts * 1000) + "\"}}\n");
            }
        }
        return file;
    }

    private static String ticker(int m) {
        return "KXBENCH-26FEB27-T" + (100 + m);
    }

    private static String hundredths(long v) {
        return (v < 0 ? "-" : "") + Math.abs(v) / 100 + "." + String.format("%02d", Math.abs(v) % 100);
    }

    /** Runs one psql command against {@code url}; returns its wall-clock seconds. */
    private static double psql(DbUrl url, String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.host(),
                "-p", Integer.toString(url.port()), "-U", url.user(), "-d", url.database(), "-c", command));
        ProcessBuilder builder = new ProcessBuilder(cmd).inheritIO();
        if (url.password() != null) {
            builder.environment().put("PGPASSWORD", url.password());
        }
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("psql failed (" + exit + "): " + command);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void execute(DbUrl server, String sql) throws SQLException {
        try (Connection c = Database.connect(server); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
