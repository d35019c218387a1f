package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.run.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One finished backtest: what ran (strategy, resolved parameters, selection, queue model and fee schedule by
 * name), on which markets from where, the figures, and where its report and stored run are.
 *
 * @param index  the report's {@code index.html}, or {@code null} when no report was written
 * @param runId  the {@code backtest_run} id when stored in PostgreSQL, else {@code null}
 */
public record BacktestResult(
        String strategy,
        Map<String, String> params,
        Selection selection,
        String queueModel,
        String feeSchedule,
        Instruments instruments,
        String origin,
        long loadMs,
        List<String> warnings,
        RunResult result,
        Path index,
        Long runId) {}
