package io.kbt.strategies.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Cauchy MLE on synthetic samples: it finds the truth from the naive start and is equivariant. */
class CauchyFitTest {
    /** A seeded Cauchy sample by inversion: x0 + γ·tan(π(u − ½)). */
    private static double[] sample(double x0, double gamma, int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = x0 + gamma * Math.tan(Math.PI * (random.nextDouble() - 0.5));
        }
        return values;
    }

    @Test
    void recoversTheParametersOfALargeSample() {
        DistributionFit fit = CauchyFit.fit(sample(0.002, 0.01, 50_000, 7));
        // standard errors are γ·√(2/n) ≈ 6e-5 for both
        assertThat(fit.location()).isCloseTo(0.002, within(3e-4));
        assertThat(fit.scale()).isCloseTo(0.01, within(3e-4));
        assertThat(fit.n()).isEqualTo(50_000);
    }

    @Test
    void shiftingAndScalingTheDataShiftsAndScalesTheFit() {
        double[] returns = sample(-0.001, 0.004, 3_000, 11);
        DistributionFit fit = CauchyFit.fit(returns);
        double[] moved = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            moved[i] = 0.05 + 3 * returns[i];
        }
        DistributionFit movedFit = CauchyFit.fit(moved);
        assertThat(movedFit.location()).isCloseTo(0.05 + 3 * fit.location(), withPercentage(1e-7));
        assertThat(movedFit.scale()).isCloseTo(3 * fit.scale(), withPercentage(1e-7));
        assertThat(movedFit.logLikelihood()).isCloseTo(fit.logLikelihood() - returns.length * Math.log(3), within(1e-6));
    }

    @Test
    void theFitBeatsItsNeighbours() {
        double[] returns = sample(0, 0.01, 2_000, 3);
        DistributionFit fit = CauchyFit.fit(returns);
        double best = CauchyFit.logLikelihood(returns, fit.location(), fit.scale());
        for (double dx : new double[] {-1e-5, 1e-5}) {
            assertThat(CauchyFit.logLikelihood(returns, fit.location() + dx, fit.scale())).isLessThan(best);
            assertThat(CauchyFit.logLikelihood(returns, fit.location(), fit.scale() + dx)).isLessThan(best);
        }
    }

    @Test
    void refusesSamplesWithoutSpread() {
        assertThatThrownBy(() -> CauchyFit.fit(new double[] {0.01, 0.01, 0.01, 0.01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no spread");
        assertThatThrownBy(() -> CauchyFit.fit(new double[] {0.01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
