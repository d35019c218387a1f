package io.kbt.strategies.fit;

import io.kbt.engine.market.DailyClose;
import java.util.List;

/**
 * Both fits of an index's daily simple returns r_t = close_t / close_{t−1} − 1, and the per-second scales that
 * make γ(23,400 s) and σ(23,400 s) — one 6.5-hour trading session — equal the daily ones for exponent h.
 */
public record ReturnFits(List<DailyClose> closes, double h, DistributionFit cauchy, DistributionFit normal) {
    /** Seconds in one regular New York trading session (9:30–16:00). */
    public static final double SESSION_SECONDS = 23_400;

    public ReturnFits {
        closes = List.copyOf(closes);
    }

    /** Fits both distributions to the returns of {@code closes} (in date order, at least 3). */
    public static ReturnFits of(List<DailyClose> closes, double h) {
        if (!(h >= 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite and ≥ 0: " + h);
        }
        double[] returns = dailyReturns(closes);
        return new ReturnFits(closes, h, CauchyFit.fit(returns), NormalFit.fit(returns));
    }

    /** r_t = close_t / close_{t−1} − 1 for consecutive closes. */
    public static double[] dailyReturns(List<DailyClose> closes) {
        if (closes.size() < 3) {
            throw new IllegalArgumentException("need at least 3 daily closes to fit returns, got " + closes.size());
        }
        double[] returns = new double[closes.size() - 1];
        for (int i = 1; i < closes.size(); i++) {
            returns[i - 1] = closes.get(i).close() / closes.get(i - 1).close() - 1;
        }
        return returns;
    }

    /** γ0 with γ0·23,400^h equal to the daily Cauchy γ. */
    public double gamma0() {
        return cauchy.scalePerSecond(h, SESSION_SECONDS);
    }

    /** σ0 with σ0·23,400^h equal to the daily normal σ. */
    public double sigma0() {
        return normal.scalePerSecond(h, SESSION_SECONDS);
    }
}
