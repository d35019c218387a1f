package io.kbt.db.runs;

import io.kbt.db.Database;
import io.kbt.db.copy.BinaryCopyWriter;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.postgresql.PGConnection;

/**
 * Stores backtest runs ({@code backtest_run}), their per-market figures ({@code run_market}) and fills
 * ({@code run_fill}) in one transaction, so that sweeps can be compared with SQL afterwards.
 */
public final class RunStore {
    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /** One run to store: what ran, on which markets, its result and fills. */
    public record Run(RunDescription description, Instruments instruments, RunResult result, Iterable<Fill> fills) {}

    /**
     * Stores one run and returns its id. {@code instruments} names the markets the result and fills refer to by
     * dense id; fills are COPYed, so a run with many is cheap to keep.
     */
    public long save(RunDescription run, Instruments instruments, RunResult result, Iterable<Fill> fills) {
        return saveAll(List.of(new Run(run, instruments, result, fills))).get(0);
    }

    /**
     * Stores several runs (a sweep's) in one transaction: all of them or, on any failure, none. Plain JDBC: this
     * is the last step of a backtest from PostgreSQL, whose path otherwise never loads jOOQ (see
     * {@code StoredData.select}).
     */
    public List<Long> saveAll(List<Run> runs) {
        try (Connection c = db.connection()) {
            // the pool gives the connection back in auto-commit mode
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                for (Run run : runs) {
                    ids.add(insert(c, run.description(), run.instruments(), run.result(), run.fills()));
                }
                c.commit();
                return ids;
            } catch (Exception e) {
                try {
                    c.rollback();
                } catch (SQLException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        } catch (Exception e) {
            throw db.failure("storing the run" + (runs.size() == 1 ? "" : "s"), e);
        }
    }

    private static final String INSERT_RUN = "insert into backtest_run (strategy, params, from_date, to_date,"
            + " queue_model, fee_schedule, sweep, events, fills, contracts, volume_micros, fees_micros, pnl_micros,"
            + " max_drawdown_micros, max_abs_position, peak_capital_micros, orders_sent, cancels_sent, replay_ms)"
            + " values (?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id";

    private static long insert(Connection c, RunDescription run, Instruments instruments, RunResult result,
            Iterable<Fill> fills) throws Exception {
        long runId;
        try (PreparedStatement insert = c.prepareStatement(INSERT_RUN)) {
            insert.setString(1, run.strategy());
            insert.setString(2, run.paramsJson() == null ? "{}" : run.paramsJson());
            insert.setObject(3, run.from());
            insert.setObject(4, run.to());
            insert.setString(5, run.queueModel());
            insert.setString(6, run.feeSchedule());
            insert.setString(7, run.sweep());
            long[] figures = {result.events(), result.fills(), result.contracts(), result.volumeMicros(),
                result.feesMicros(), result.pnlMicros(), result.maxDrawdownMicros(), result.maxAbsPosition(),
                result.peakCapitalMicros(), result.ordersSent(), result.cancelsSent(), result.replayNanos() / 1_000_000};
            for (int i = 0; i < figures.length; i++) {
                insert.setLong(8 + i, figures[i]);
            }
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                runId = id.getLong(1);
            }
        }
        if (!result.markets().isEmpty()) {
            try (PreparedStatement markets = c.prepareStatement("insert into run_market (run_id, ticker, result,"
                    + " pnl_micros, fills, contracts, final_position, fees_micros) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (MarketSummary market : result.markets()) {
                    markets.setLong(1, runId);
                    markets.setString(2, market.ticker());
                    markets.setString(3, result(market.result()));
                    markets.setLong(4, market.pnlMicros());
                    markets.setLong(5, market.fills());
                    markets.setLong(6, market.contracts());
                    markets.setLong(7, market.finalPosition());
                    markets.setLong(8, market.feesMicros());
                    markets.addBatch();
                }
                markets.executeBatch();
            }
        }
        copyFills(c, runId, instruments, fills);
        return runId;
    }

    private static void copyFills(Connection connection, long runId, Instruments instruments, Iterable<Fill> fills)
            throws Exception {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BinaryCopyWriter w = new BinaryCopyWriter(out)) {
                for (Fill f : fills) {
                    w.row(11).int8(runId).timestamp(f.ts()).int8(f.count()).int8(f.feeMicros())
                            .int8(f.positionAfter()).int8(f.causeSeq()).text(instruments.market(f.market()).ticker())
                            .int4(f.price()).text(f.action().name().toLowerCase(Locale.ROOT))
                            .text(f.liquidity().name().toLowerCase(Locale.ROOT))
                            .text(f.rule().name().toLowerCase(Locale.ROOT));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, RunStore::ownThread);
        try {
            copy.copyIn("copy run_fill (run_id, ts, count, fee_micros, position_after, cause_seq, ticker, price,"
                    + " action, liquidity, rule) from stdin (format binary)", in);
        } finally {
            in.close();
        }
        try {
            writer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The fill writer runs on a thread of its own, never the common pool: a save called from a common-pool task (a
     * caller's {@code supplyAsync}) would otherwise wait on the pipe for a writer queued behind itself.
     */
    private static void ownThread(Runnable writer) {
        Thread.ofPlatform().name("kbt-run-fills").daemon().start(writer);
    }

    private static String result(Result result) {
        return result == Result.UNKNOWN ? null : result.name().toLowerCase(Locale.ROOT);
    }
}
