package io.kbt.strategies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kbt.engine.market.StrikeType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * P(yes) against closed forms: the Cauchy CDF ½ + atan((x − x0)/γ)/π and the normal CDF ½(1 + erf(z/√2)),
 * with expected values computed outside the code (Python's math module) at S = 4080, τ = 3600 s.
 */
class YesProbabilityTest {
    private static final double S = 4080;
    private static final double TAU = 3600;
    private static final CauchyReturns BOT = new CauchyReturns(0, 5e-6, 0.6);
    private static final NormalReturns NORMAL = new NormalReturns(0, 8.2e-5, 0.5);

    @Test
    void cauchyScaleGrowsAsGamma0TimesTauToTheH() {
        assertThat(BOT.gamma(TAU)).isCloseTo(0.0006803799465798162, within(1e-18));
        assertThat(NORMAL.sigma(TAU)).isCloseTo(0.00492, within(1e-15));
    }

    @Test
    void cauchyBetweenMatchesClosedForm() {
        assertThat(YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, S, TAU))
                .isCloseTo(0.9267080584951207, within(1e-12));
        assertThat(YesProbability.of(new CauchyReturns(0.001, 5e-6, 0.6), StrikeType.BETWEEN, 4050, 4099.99, S, TAU))
                .isCloseTo(0.9191448455821728, within(1e-12));
    }

    @Test
    void cauchyAboveFloorAndBelowCapMatchClosedForm() {
        assertThat(YesProbability.of(BOT, StrikeType.GREATER, 4100, Double.NaN, S, TAU))
                .isCloseTo(0.04390014471319814, within(1e-12));
        assertThat(YesProbability.of(BOT, StrikeType.GREATER_OR_EQUAL, 4100, Double.NaN, S, TAU))
                .isCloseTo(0.04390014471319814, within(1e-12));
        assertThat(YesProbability.of(BOT, StrikeType.LESS, Double.NaN, 4050, S, TAU))
                .isCloseTo(0.029370113366081196, within(1e-12));
        assertThat(YesProbability.of(BOT, StrikeType.LESS_OR_EQUAL, Double.NaN, 4050, S, TAU))
                .isCloseTo(0.029370113366081196, within(1e-12));
    }

    @Test
    void normalMatchesClosedForm() {
        assertThat(YesProbability.of(NORMAL, StrikeType.BETWEEN, 4050, 4099.99, S, TAU))
                .isCloseTo(0.7728124587249336, within(1e-12));
        assertThat(YesProbability.of(new NormalReturns(-0.002, 8.2e-5, 0.5), StrikeType.BETWEEN, 4050, 4099.99, S, TAU))
                .isCloseTo(0.7812946403021215, within(1e-12));
        assertThat(YesProbability.of(NORMAL, StrikeType.GREATER, 4100, Double.NaN, S, TAU))
                .isCloseTo(0.15954406778389763, within(1e-12));
        assertThat(YesProbability.of(NORMAL, StrikeType.LESS, Double.NaN, 4050, S, TAU))
                .isCloseTo(0.06752245973282056, within(1e-12));
    }

    @Test
    void atOrAfterCloseIsTheIndicatorOfTheCurrentLevelWithTheMarketsOwnBounds() {
        for (double tau : new double[] {0, -5}) {
            assertThat(YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, 4050, tau)).isEqualTo(1.0);
            assertThat(YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, 4099.99, tau)).isEqualTo(1.0);
            assertThat(YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, 4100, tau)).isEqualTo(0.0);
            assertThat(YesProbability.of(BOT, StrikeType.GREATER, 4100, Double.NaN, 4100, tau)).isEqualTo(0.0);
            assertThat(YesProbability.of(BOT, StrikeType.GREATER_OR_EQUAL, 4100, Double.NaN, 4100, tau)).isEqualTo(1.0);
            assertThat(YesProbability.of(NORMAL, StrikeType.LESS, Double.NaN, 4050, 4050, tau)).isEqualTo(0.0);
            assertThat(YesProbability.of(NORMAL, StrikeType.LESS_OR_EQUAL, Double.NaN, 4050, 4050, tau)).isEqualTo(1.0);
        }
    }

    @Test
    void asTauShrinksTowardZeroTheProbabilityTendsToTheIndicator() {
        double inside = YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, S, 1e-9);
        double outside = YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, 4100.5, 1e-9);
        assertThat(inside).isBetween(1 - 1e-6, 1.0);
        assertThat(outside).isBetween(0.0, 1e-6);
        assertThat(YesProbability.of(NORMAL, StrikeType.BETWEEN, 4050, 4099.99, S, 1e-9)).isEqualTo(1.0);
        assertThat(YesProbability.of(NORMAL, StrikeType.GREATER, 4100, Double.NaN, S, Double.MIN_VALUE)).isEqualTo(0.0);
    }

    @Test
    void farStrikesKeepTheCauchyTailInsteadOfCancellingToZero() {
        // P(r > x) → γ/(πx) for x ≫ γ; ½ − atan(z)/π would round this to 0 long before
        double x = 1e9 / S - 1;
        double gamma = BOT.gamma(TAU);
        double upper = YesProbability.of(BOT, StrikeType.GREATER, 1e9, Double.NaN, S, TAU);
        assertThat(upper).isPositive().isCloseTo(gamma / (Math.PI * x), within(1e-20));
        double lower = YesProbability.of(BOT, StrikeType.LESS, Double.NaN, 1e-6, S, TAU);
        assertThat(lower).isBetween(0.0, 1e-3).isNotNaN();
        double band = YesProbability.of(BOT, StrikeType.BETWEEN, 1e9, 2e9, S, TAU);
        assertThat(band).isPositive().isCloseTo(gamma / (Math.PI * x) - gamma / (Math.PI * (2e9 / S - 1)), within(1e-20));
    }

    @Test
    void farStrikesUnderTheNormalAreZeroOrOneNeverNaN() {
        assertThat(YesProbability.of(NORMAL, StrikeType.GREATER, 1e9, Double.NaN, S, TAU)).isEqualTo(0.0);
        assertThat(YesProbability.of(NORMAL, StrikeType.LESS, Double.NaN, 1e9, S, TAU)).isEqualTo(1.0);
        assertThat(YesProbability.of(NORMAL, StrikeType.BETWEEN, 1, 1e12, S, 1e12)).isBetween(0.0, 1.0);
        assertThat(YesProbability.of(BOT, StrikeType.BETWEEN, 1, 1e12, S, 1e12)).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsLevelsThatCannotBePriced() {
        assertThatThrownBy(() -> YesProbability.of(BOT, StrikeType.BETWEEN, 4050, 4099.99, Double.NaN, TAU))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index level");
        assertThatThrownBy(() -> YesProbability.of(BOT, StrikeType.UNKNOWN, 4050, 4099.99, S, TAU))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    }

    @Property(tries = 300)
    void belowInsideAndAboveABandPartitionCertainty(
            @ForAll @DoubleRange(min = 1000, max = 8000) double level,
            @ForAll @DoubleRange(min = 0.01, max = 1e6) double tau,
            @ForAll @DoubleRange(min = 0.5, max = 1.5) double floorRatio,
            @ForAll @DoubleRange(min = 0, max = 0.2) double width) {
        double floor = level * floorRatio;
        double cap = floor * (1 + width);
        for (ReturnModel model : new ReturnModel[] {BOT, NORMAL, new CauchyReturns(3e-4, 2e-5, 0.5)}) {
            double below = YesProbability.of(model, StrikeType.LESS, Double.NaN, floor, level, tau);
            double inside = YesProbability.of(model, StrikeType.BETWEEN, floor, cap, level, tau);
            double above = YesProbability.of(model, StrikeType.GREATER, cap, Double.NaN, level, tau);
            assertThat(below).isBetween(0.0, 1.0);
            assertThat(inside).isBetween(0.0, 1.0);
            assertThat(above).isBetween(0.0, 1.0);
            assertThat(below + inside + above).isCloseTo(1.0, within(1e-12));
        }
    }
}
