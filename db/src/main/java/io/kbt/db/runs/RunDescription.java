package io.kbt.db.runs;

import java.time.LocalDate;

/**
 * What a stored run was: strategy name, its parameters as a JSON object, the date range, the queue model and fee
 * schedule, and the label shared by the runs of one sweep ({@code null} for a single backtest).
 */
public record RunDescription(
        String strategy,
        String paramsJson,
        LocalDate from,
        LocalDate to,
        String queueModel,
        String feeSchedule,
        String sweep) {}
