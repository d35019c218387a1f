package io.kbt.samples;

/**
 * A market maker of the synthetic order flow: it tracks the fair probability through an exponentially lagged
 * estimate plus its own slowly wandering bias, and rests a ladder of equal-size bids on both sides around it with a
 * half-spread that widens away from 50¢. Its resting quantity per price is kept here so takers' fills can be taken
 * out of it and its requotes written as deltas.
 */
final class LiquidityProvider {
    final double alpha;
    final double halfSpread;
    final int size;
    final int ladder;
    final int delayMicros;
    private final double biasPersistence;
    private final double biasStep;

    final int[] yes = new int[100];
    final int[] no = new int[100];
    int yesLow = 100;
    int yesHigh = 0;
    int noLow = 100;
    int noHigh = 0;

    double estimate;
    double bias;
    int targetBid;
    int targetAsk;
    int quotedBid = Integer.MIN_VALUE;
    int quotedAsk = Integer.MIN_VALUE;
    boolean dirty;
    int nextRefresh;

    LiquidityProvider(Rng rng, double fair) {
        this.alpha = 1 - StrictMath.exp(-1 / rng.uniform(2, 20));
        this.halfSpread = rng.uniform(0.5, 2.0);
        this.size = (int) Math.max(5, Math.min(1_000, Math.round(rng.logNormal(60, 0.7))));
        this.ladder = rng.between(3, 6);
        this.delayMicros = rng.between(20_000, 600_000);
        this.biasPersistence = StrictMath.exp(-1 / 120.0);
        this.biasStep = 0.005 * Math.sqrt(1 - biasPersistence * biasPersistence);
        this.estimate = fair;
        this.bias = 0.005 * rng.gaussian();
        updateTarget(fair, rng, false);
    }

    /** Moves the estimate a step towards {@code fair} and recomputes the wanted top bid and ask (yes cents). */
    void updateTarget(double fair, Rng rng, boolean step) {
        if (step) {
            estimate += alpha * (fair - estimate);
            bias = bias * biasPersistence + biasStep * rng.centred();
        }
        double centre = estimate + bias * 2 * Math.sqrt(estimate * (1 - estimate));
        centre = Math.max(0.0005, Math.min(0.9995, centre));
        double half = halfSpread * (1 + 1.5 * (1 - 4 * centre * (1 - centre)));
        // Someone always bids 1¢ for the lottery ticket and offers at 99¢: far-out books stay two-sided.
        targetBid = Math.max(1, Math.min(98, (int) Math.floor(100 * centre - half)));
        targetAsk = Math.max(targetBid + 1, Math.min(99, (int) Math.ceil(100 * centre + half)));
    }

    boolean wantsRequote() {
        return dirty || targetBid != quotedBid || targetAsk != quotedAsk;
    }
}
