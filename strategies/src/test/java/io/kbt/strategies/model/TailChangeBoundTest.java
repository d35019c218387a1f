package io.kbt.strategies.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * {@link ReturnModel#tailChangePerLogScale} bounds how fast a tail mass moves with ln scale at every point at
 * least z scales from the location: checked against a central difference of the survival at distances z·w
 * (w ≥ 1), and never above the global bound.
 */
class TailChangeBoundTest {
    private static final double SCALE = 1e-3;
    private static final double STEP = 1e-5;

    @Property(tries = 500)
    void boundsTheChangeOfTheTailAtAndBeyondZ(@ForAll @DoubleRange(min = 1, max = 200) double z,
            @ForAll @DoubleRange(min = 1, max = 4) double beyond, @ForAll boolean cauchy) {
        ReturnModel model = cauchy ? new CauchyReturns(2e-4, 5e-6, 0.6) : new NormalReturns(2e-4, 8.2e-5, 0.5);
        if (!cauchy && z * beyond > 30) {
            return; // the normal tail underflows there: nothing to bound
        }
        double x = model.location() + z * beyond * SCALE;
        double change = (model.survivalAtScale(x, SCALE * Math.exp(STEP))
                - model.survivalAtScale(x, SCALE * Math.exp(-STEP))) / (2 * STEP);
        assertThat(Math.abs(change)).isLessThanOrEqualTo(model.tailChangePerLogScale(z) * (1 + 1e-6) + 1e-12);
        assertThat(model.tailChangePerLogScale(z)).isLessThanOrEqualTo(model.maxTailChangePerLogScale());
    }
}
