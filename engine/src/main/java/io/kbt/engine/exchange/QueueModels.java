package io.kbt.engine.exchange;

import io.kbt.engine.spi.Choice;
import io.kbt.engine.spi.Providers;
import java.math.BigDecimal;

/**
 * The queue models by name, each a {@link QueueModelProvider} found with {@link java.util.ServiceLoader}:
 * built in are {@code risk-averse} (default), {@code prob} (n = 3; {@code prob:n=2}), {@code optimistic} and
 * {@code fraction:f=F} (for books built from candles);
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

    /** {@code fraction:f=F}: {@link FractionQueueModel}, for books built from candles where the queue is unknowable. */
    public static final class Fraction implements QueueModelProvider {
        @Override
        public String name() {
            return "fraction";
        }

        @Override
        public String description() {
            return "each trade at our price fills fraction f (0 < f <= 1) of its count; for books built from candles";
        }

        @Override
        public QueueModel create(Choice choice) {
            String f = choice.accepting("f").option("f", null);
            if (f == null) {
                throw new IllegalArgumentException("queue model fraction needs f=F with 0 < F <= 1");
            }
            try {
                return new FractionQueueModel(new BigDecimal(f));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("queue model '" + choice + "': f must be a number in (0, 1]");
            }
        }
    }
}
