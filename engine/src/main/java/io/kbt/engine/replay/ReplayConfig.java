package io.kbt.engine.replay;

import io.kbt.engine.exchange.QueueModel;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedule;
import io.kbt.engine.fees.FeeSchedules;

/**
 * The modelling choices of one replay: the queue model, the fee schedule, and whether the strategy reacts
 * after every event ({@code reactPerEvent}) instead of after each batch of equal-timestamp events.
 */
public record ReplayConfig(QueueModel queueModel, FeeSchedule fees, boolean reactPerEvent) {
    public ReplayConfig {
        if (queueModel == null || fees == null) {
            throw new IllegalArgumentException("queue model and fee schedule are required");
        }
    }

    /** risk-averse queue, standard fees, react per batch. */
    public static ReplayConfig defaults() {
        return new ReplayConfig(QueueModels.riskAverse(), FeeSchedules.standard(), false);
    }

    public ReplayConfig withQueueModel(QueueModel model) {
        return new ReplayConfig(model, fees, reactPerEvent);
    }

    public ReplayConfig withFees(FeeSchedule schedule) {
        return new ReplayConfig(queueModel, schedule, reactPerEvent);
    }

    public ReplayConfig withReactPerEvent(boolean perEvent) {
        return new ReplayConfig(queueModel, fees, perEvent);
    }
}
