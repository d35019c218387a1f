package io.kbt.runner.stats;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein,
 * López de Prado and Zhu, "The Probability of Backtest Overfitting", 2014). The days are cut into S contiguous
 * blocks (sizes differing by at most one day, the longer ones first); for each of the C(S, S/2) ways to pick half
 * the blocks as the training sample (the rest is the test sample), the set with the best training Sharpe ratio
 * (the first on ties) is ranked among all sets by test Sharpe ratio (average rank on ties, 1 = worst), giving
 * ω = rank/(N+1) and the logit λ = ln(ω/(1−ω)). PBO is the share of splits with λ ≤ 0: how often the in-sample
 * winner is at or below the median out of sample. A Sharpe ratio of a sample that does not vary is 0.
 */
public record Pbo(int splits, int combinations, double probability, double[] logits) {

    /**
     * @param pnl daily P&amp;L, micro-dollars, [set][day]
     * @throws IllegalArgumentException when S is odd or below 2, there are fewer days than S or fewer than 2 sets
     */
    public static Pbo of(long[][] pnl, int splits) {
        if (splits < 2 || splits % 2 != 0) {
            throw new IllegalArgumentException("--pbo-splits must be an even number of at least 2, not " + splits);
        }
        if (pnl.length < 2) {
            throw new IllegalArgumentException("the probability of backtest overfitting needs at least 2 parameter sets");
        }
        int days = pnl[0].length;
        if (days < splits) {
            throw new IllegalArgumentException("--pbo-splits " + splits + " needs at least " + splits
                    + " days, the sweep has " + days + "; pass a smaller even --pbo-splits or a longer range");
        }
        int sets = pnl.length;
        // Per set and block: count, sum and sum of squares, so each split's Sharpe ratios cost O(S) per set.
        double[][] sum = new double[sets][splits];
        double[][] squares = new double[sets][splits];
        int[] count = new int[splits];
        int base = days / splits;
        int longer = days % splits;
        int day = 0;
        for (int block = 0; block < splits; block++) {
            count[block] = base + (block < longer ? 1 : 0);
            for (int i = 0; i < count[block]; i++, day++) {
                for (int set = 0; set < sets; set++) {
                    double x = pnl[set][day];
                    sum[set][block] += x;
                    squares[set][block] += x * x;
                }
            }
        }
        int half = splits / 2;
        int combinations = (int) binomial(splits, half);
        double[] logits = new double[combinations];
        int below = 0;
        int k = 0;
        for (int mask = 0; mask < 1 << splits; mask++) {
            if (Integer.bitCount(mask) != half) {
                continue;
            }
            int best = 0;
            double bestTrain = Double.NEGATIVE_INFINITY;
            double[] test = new double[sets];
            for (int set = 0; set < sets; set++) {
                double train = sharpe(sum[set], squares[set], count, mask);
                if (train > bestTrain) {
                    bestTrain = train;
                    best = set;
                }
                test[set] = sharpe(sum[set], squares[set], count, ~mask);
            }
            double lower = 0;
            double equal = 0;
            for (int set = 0; set < sets; set++) {
                if (test[set] < test[best]) {
                    lower++;
                } else if (test[set] == test[best]) {
                    equal++;
                }
            }
            double rank = lower + (equal + 1) / 2;
            double omega = rank / (sets + 1);
            logits[k] = Math.log(omega / (1 - omega));
            below += logits[k] <= 0 ? 1 : 0;
            k++;
        }
        return new Pbo(splits, combinations, (double) below / combinations, logits);
    }

    private static double sharpe(double[] sum, double[] squares, int[] count, int mask) {
        double s = 0;
        double q = 0;
        int n = 0;
        for (int block = 0; block < count.length; block++) {
            if ((mask & 1 << block) != 0) {
                s += sum[block];
                q += squares[block];
                n += count[block];
            }
        }
        double mean = s / n;
        double variance = (q - n * mean * mean) / (n - 1);
        return variance > 0 ? mean / Math.sqrt(variance) : 0;
    }

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
