package io.kbt.runner.stats;

/**
 * One parameter set's figures over its daily P&amp;L (micro-dollars per day): mean and standard deviation,
 * Sharpe and Sortino ratios annualised with √252 (the Sortino's downside deviation is √(mean of min(x, 0)²),
 * target 0), the maximum drawdown, the share of days with a profit and the P&amp;L per contract traded.
 * {@code NaN} where a figure is undefined (no variation, no losing day, no contract).
 */
public record SetStatistics(
        double meanMicros,
        double sdMicros,
        double sharpe,
        double sortino,
        long maxDrawdownMicros,
        double winShare,
        double pnlPerContractMicros) {
    public static final double TRADING_DAYS = 252;

    /**
     * @param daily P&amp;L per day, micro-dollars
     * @param contracts contracts traded over all days, in hundredths
     * @param maxDrawdownMicros the set's drawdown over the whole range (intraday, from the runs)
     */
    public static SetStatistics of(long[] daily, long contracts, long maxDrawdownMicros) {
        Moments m = Moments.of(daily);
        double annual = Math.sqrt(TRADING_DAYS);
        double sharpe = m.sd() > 0 ? m.mean() / m.sd() * annual : Double.NaN;
        double downside = 0;
        int wins = 0;
        long total = 0;
        for (long x : daily) {
            double loss = Math.min(x, 0);
            downside += loss * loss;
            wins += x > 0 ? 1 : 0;
            total += x;
        }
        downside = daily.length == 0 ? 0 : Math.sqrt(downside / daily.length);
        double sortino = downside > 0 ? m.mean() / downside * annual : Double.NaN;
        double perContract = contracts > 0 ? total * 100.0 / contracts : Double.NaN;
        return new SetStatistics(m.mean(), m.sd(), sharpe, sortino, maxDrawdownMicros,
                daily.length == 0 ? Double.NaN : (double) wins / daily.length, perContract);
    }
}
