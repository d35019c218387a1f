package io.kbt.strategies;

import io.kbt.cli.reference.ReferenceFairValueStrategy;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.Strategy;

/** Builds the kept reference strategy from a built-in fair-value spec (in this package to bind its parameters). */
public final class ReferenceStrategies {
    private ReferenceStrategies() {
    }

    /** The reference twin of what {@code spec.newStrategy(instruments)} builds. */
    public static Strategy reference(StrategySpec spec, Instruments instruments) {
        FairValueProvider provider = (FairValueProvider) spec.provider();
        return new ReferenceFairValueStrategy(instruments, provider.model(spec.typedParams()),
                QuotingBinding.bind(spec.typedParams()));
    }
}
