package io.kbt.engine.exchange;

import io.kbt.engine.spi.Choice;
import io.kbt.engine.spi.Providers;

/**
 * The queue models by name, each a {@link QueueModelProvider} found with {@link java.util.ServiceLoader}:
 * built in are {@code risk-averse} (default), {@code prob} (n = 3; {@code prob:n=2}) and {@code optimistic};
 * a jar on the class path or a plugin class loader adds more.
 */
public final class QueueModels {
    public static final String DEFAULT = "risk-averse";

    private QueueModels() {}

    public static QueueModel riskAverse() {
        return new RiskAverseQueueModel();
    }

    /** The model called {@code name} among kbt's own. */
    public static QueueModel byName(String name) {
        return byName(name, QueueModels.class.getClassLoader());
    }

    /**
     * The model {@code name} ({@code NAME[:key=value,...]}) chooses among the providers {@code loader} finds.
     *
     * @throws IllegalArgumentException naming the choices when unknown, or the option when an option is bad
     */
    public static QueueModel byName(String name, ClassLoader loader) {
        Choice choice = Choice.parse(name);
        return Providers.named(QueueModelProvider.class, loader, QueueModelProvider::name, choice.name(), "queue model")
                .create(choice);
    }

    /** {@code risk-averse}: {@link RiskAverseQueueModel}. */
    public static final class RiskAverse implements QueueModelProvider {
        @Override
        public String name() {
            return "risk-averse";
        }

        @Override
        public String description() {
            return "join behind the displayed size; only trades at our price move us up";
        }

        @Override
        public QueueModel create(Choice choice) {
            choice.accepting();
            return new RiskAverseQueueModel();
        }
    }

    /** {@code prob[:n=N]}: {@link ProbQueueModel}, n = 3 unless given. */
    public static final class Prob implements QueueModelProvider {
        @Override
        public String name() {
            return "prob";
        }

        @Override
        public String description() {
            return "hftbacktest's power model: a cancel came from ahead with share ahead^n/(ahead^n+behind^n)";
        }

        @Override
        public QueueModel create(Choice choice) {
            String n = choice.accepting("n").option("n", "3");
            try {
                return new ProbQueueModel(Double.parseDouble(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("queue model '" + choice + "': n must be a positive number");
            }
        }
    }

    /** {@code optimistic}: {@link OptimisticQueueModel}. */
    public static final class Optimistic implements QueueModelProvider {
        @Override
        public String name() {
            return "optimistic";
        }

        @Override
        public String description() {
            return "always at the front of the queue (an upper bound)";
        }

        @Override
        public QueueModel create(Choice choice) {
            choice.accepting();
            return new OptimisticQueueModel();
        }
    }
}
