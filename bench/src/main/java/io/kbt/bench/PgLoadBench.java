package io.kbt.bench;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.imports.EventTable;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.market.Selection;
import io.kbt.runner.LoadedData;
import io.kbt.runner.MarketData;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loading a selection from PostgreSQL as {@code kbt backtest} does, next to raw {@code COPY (SELECT ...) TO STDOUT}
 * of the same rows (binary and text) through PgJDBC's {@link CopyManager} into a stream that discards them, in the
 * same JVM, several rounds in alternating order. Run by hand (not a test):
 *
 * <pre>java -cp bench/target/benchmarks.jar io.kbt.bench.PgLoadBench [--db URL] [--from DATE] [--to DATE] [--rounds N]</pre>
 *
 * The kbt side counts everything a backtest pays before its replay: opening the store (probe and pool), selecting
 * the markets, choosing each market's book, the COPY streams and decoding every row into the tape. The raw side
 * counts one fresh connection and the same four COPY statements (the rows of the four event tables, in the
 * order the merge needs). Wall clock decides the ratio; the CPU time of this JVM's calling thread is printed beside
 * it (the server's work is in neither).
 */
public final class PgLoadBench {
    private PgLoadBench() {}

    public static void main(String[] args) throws Exception {
        String db = DbUrl.DEFAULT_URL;
        LocalDate from = LocalDate.of(2023, 4, 10);
        LocalDate to = null;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> db = args[++i];
                case "--from" -> from = LocalDate.parse(args[++i]);
                case "--to" -> to = LocalDate.parse(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String dbOption = db;
        DbUrl url = DbUrl.resolve(db, System.getenv());
        Selection selection = new Selection(List.of(), List.of(), from, to != null ? to : from);
        List<String> copies = copies(url, selection);
        System.out.printf("%s, %s to %s, %d rounds (order alternates each round)%n", url.describe(),
                selection.from(), selection.to(), rounds);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<double[]> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Timed kbt = null;
            Timed binary = null;
            Timed text = null;
            for (int step = 0; step < 3; step++) {
                switch ((step + round) % 3) {
                    case 0 -> kbt = time(cpu, () -> load(dbOption, selection));
                    case 1 -> binary = time(cpu, () -> raw(url, copies, "binary"));
                    default -> text = time(cpu, () -> raw(url, copies, "text"));
                }
            }
            if (kbt.rows != binary.rows || kbt.rows != text.rows) {
                throw new IllegalStateException("row counts differ: kbt " + kbt.rows + ", binary " + binary.rows
                        + ", text " + text.rows);
            }
            double vsBinary = kbt.rate() / binary.rate();
            double vsText = kbt.rate() / text.rate();
            ratios.add(new double[] {vsBinary, vsText});
            System.out.printf("round %d: %,d events | kbt load %,.0f ms (%,.0f CPU-ms) = %,.0f events/s | raw COPY"
                            + " binary %,.0f ms (%,.0f CPU-ms) = %,.0f rows/s | text %,.0f ms (%,.0f CPU-ms) = %,.0f"
                            + " rows/s | kbt/binary %.2f, kbt/text %.2f%n",
                    round, kbt.rows, kbt.ms(), kbt.cpuMs(), kbt.rate(), binary.ms(), binary.cpuMs(), binary.rate(),
                    text.ms(), text.cpuMs(), text.rate(), vsBinary, vsText);
        }
        double[] binary = ratios.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] text = ratios.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("kbt load / raw COPY: binary median %.2f (min %.2f, max %.2f), text median %.2f (min %.2f,"
                        + " max %.2f); target >= 0.8%n", binary[binary.length / 2], binary[0],
                binary[binary.length - 1], text[text.length / 2], text[0], text[text.length - 1]);
    }

    /** What {@code kbt backtest} does before its replay: open the store, load the selection into a tape, close. */
    private static long load(String db, Selection selection) {
        MarketData data = MarketData.database(db);
        try (Database opened = data.open()) {
            LoadedData loaded = data.load(selection, opened, PgLoadBench.class.getClassLoader());
            return loaded.tape().size();
        }
    }

    /** One fresh connection and the four COPY statements into a stream that discards their bytes. */
    private static long raw(DbUrl url, List<String> copies, String format) {
        try (Connection c = Database.connect(url)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String sql : copies) {
                rows += copy.copyOut(sql.replace("FORMAT", format), OutputStream.nullOutputStream());
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The COPY statements of the selection's rows, table by table, as {@code StoredData} streams them. */
    private static List<String> copies(DbUrl url, Selection selection) {
        try (Database db = Database.open(url)) {
            StoredData.Selected selected = new StoredData(db).select(selection);
            String window = "ts >= '" + Instant.EPOCH.plus(selection.fromMicros(), ChronoUnit.MICROS)
                    + "' and ts < '" + Instant.EPOCH.plus(selection.toMicrosExclusive(), ChronoUnit.MICROS) + "'";
            String markets = selected.storedIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            String symbols = selected.instruments().symbols().stream().map(s -> "'" + s.replace("'", "''") + "'")
                    .collect(Collectors.joining(","));
            return Arrays.stream(EventTable.values()).map(t -> "copy (select " + t.columns() + " from " + t.table()
                    + " where " + (t == EventTable.INDEX_TICK ? "symbol in (" + symbols + ")"
                            : "market_id in (" + markets + ")") + " and " + window
                    + " order by ts, seq, batch_id, sub) to stdout (format FORMAT)").toList();
        }
    }

    private static Timed time(ThreadMXBean cpu, java.util.function.LongSupplier work) {
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long rows = work.getAsLong();
        return new Timed(rows, System.nanoTime() - start, cpu.getCurrentThreadCpuTime() - cpu0);
    }

    private record Timed(long rows, long nanos, long cpuNanos) {
        double ms() {
            return nanos / 1e6;
        }

        double cpuMs() {
            return cpuNanos / 1e6;
        }

        double rate() {
            return rows * 1e9 / nanos;
        }
    }
}
