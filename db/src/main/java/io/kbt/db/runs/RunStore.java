package io.kbt.db.runs;

import static io.kbt.db.jooq.Tables.BACKTEST_RUN;
import static io.kbt.db.jooq.Tables.RUN_MARKET;

import io.kbt.db.Database;
import io.kbt.db.copy.BinaryCopyWriter;
import io.kbt.db.jooq.tables.records.BacktestRunRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jooq.Configuration;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
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

    /** Stores several runs (a sweep's) in one transaction: all of them or, on any failure, none. */
    public List<Long> saveAll(List<Run> runs) {
        try {
            return db.dsl().transactionResult(tx -> {
                List<Long> ids = new ArrayList<>();
                for (Run run : runs) {
                    ids.add(insert(tx, run.description(), run.instruments(), run.result(), run.fills()));
                }
                return ids;
            });
        } catch (DataAccessException e) {
            throw db.failure("storing the run" + (runs.size() == 1 ? "" : "s"), e);
        }
    }

    private static long insert(Configuration tx, RunDescription run, Instruments instruments, RunResult result,
            Iterable<Fill> fills) {
        BacktestRunRecord record = tx.dsl().newRecord(BACKTEST_RUN);
        record.setStrategy(run.strategy());
        record.setParams(JSONB.valueOf(run.paramsJson() == null ? "{}" : run.paramsJson()));
        record.setFromDate(run.from());
        record.setToDate(run.to());
        record.setQueueModel(run.queueModel());
        record.setFeeSchedule(run.feeSchedule());
        record.setSweep(run.sweep());
        record.setEvents(result.events());
        record.setFills(result.fills());
        record.setContracts(result.contracts());
        record.setVolumeMicros(result.volumeMicros());
        record.setFeesMicros(result.feesMicros());
        record.setPnlMicros(result.pnlMicros());
        record.setMaxDrawdownMicros(result.maxDrawdownMicros());
        record.setMaxAbsPosition(result.maxAbsPosition());
        record.setPeakCapitalMicros(result.peakCapitalMicros());
        record.setOrdersSent(result.ordersSent());
        record.setCancelsSent(result.cancelsSent());
        record.setReplayMs(result.replayNanos() / 1_000_000);
        record.store();
        long runId = record.getId();
        var inserts = tx.dsl().batch(tx.dsl().insertInto(RUN_MARKET).values(
                (Long) null, null, null, null, null, null, null, null));
        for (MarketSummary market : result.markets()) {
            inserts.bind(runId, market.ticker(), result(market.result()), market.pnlMicros(), market.fills(),
                    market.contracts(), market.finalPosition(), market.feesMicros());
        }
        if (!result.markets().isEmpty()) {
            inserts.execute();
        }
        tx.dsl().connection(c -> copyFills(c, runId, instruments, fills));
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
        });
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

    private static String result(Result result) {
        return result == Result.UNKNOWN ? null : result.name().toLowerCase(Locale.ROOT);
    }
}
