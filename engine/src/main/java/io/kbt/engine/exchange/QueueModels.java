package io.kbt.engine.exchange;

/** The named queue models: {@code risk-averse} (default), {@code prob} (n = 3; {@code prob:n=2}), {@code optimistic}, {@code fraction:f=F} (for books built from candles). */
public final class QueueModels {
    public static final String DEFAULT = "risk-averse";

    private QueueModels() {}

    public static QueueModel riskAverse() {
        return new RiskAverseQueueModel();
    }

    /** The model called {@code name}; {@link IllegalArgumentException} naming the choices when unknown. */
    public static QueueModel byName(String name) {
        String n = name.trim();
        if (n.equals("risk-averse")) {
            return new RiskAverseQueueModel();
        }
        if (n.equals("optimistic")) {
            return new OptimisticQueueModel();
        }
        if (n.equals("prob")) {
            return new ProbQueueModel(3);
        }
        if (n.startsWith("prob:n=")) {
            try {
                return new ProbQueueModel(Double.parseDouble(n.substring("prob:n=".length())));
            } catch (NumberFormatException e) {
                throw unknown(name);
            }
        }
        if (n.startsWith("fraction:f=")) {
            try {
                return new FractionQueueModel(new java.math.BigDecimal(n.substring("fraction:f=".length())));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw unknown(name);
            }
        }
        throw unknown(name);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(
                "unknown queue model '" + name + "' (choose risk-averse, prob, prob:n=N, optimistic or fraction:f=F)");
    }
}
