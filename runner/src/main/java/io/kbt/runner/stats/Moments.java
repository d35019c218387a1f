package io.kbt.runner.stats;

/**
 * The sample moments of a series of daily P&amp;L: mean, standard deviation with n − 1, and the (population)
 * skewness m3/m2^1.5 and kurtosis m4/m2² (not excess: 3 for a normal law) that the deflated Sharpe ratio uses.
 */
public record Moments(int n, double mean, double sd, double skewness, double kurtosis) {
    public static Moments of(double[] x) {
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skewness = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        double kurtosis = m2 == 0 ? 3 : m4 / (m2 * m2);
        return new Moments(n, mean, sd, skewness, kurtosis);
    }

    public static Moments of(long[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return of(d);
    }

    /** Mean over standard deviation, per day; 0 when the series does not vary (a set that never trades). */
    public double sharpe() {
        return sd > 0 ? mean / sd : 0;
    }
}
