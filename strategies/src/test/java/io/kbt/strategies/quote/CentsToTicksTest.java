package io.kbt.strategies.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Long-arithmetic cents → ticks against BigDecimal's half-even rounding. */
class CentsToTicksTest {
    @Property(tries = 1000)
    void agreesWithBigDecimalHalfEven(
            @ForAll @LongRange(min = 0, max = 100_000) long unscaled,
            @ForAll @IntRange(min = 0, max = 4) int scale,
            @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long hundredths,
            @ForAll("grids") int maxTicks) {
        BigDecimal cents = BigDecimal.valueOf(unscaled, scale);
        long expected = cents.multiply(BigDecimal.valueOf(hundredths, 2))
                .multiply(BigDecimal.valueOf(maxTicks, 2))
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        assertThat(new CentsToTicks(cents).ticks(hundredths, maxTicks)).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> grids() {
        return net.jqwik.api.Arbitraries.of(50, 100, 1_000);
    }

    @Test
    void roundsHalvesToEvenLikeTheReferenceBot() {
        CentsToTicks tenth = new CentsToTicks(new BigDecimal("0.1"));
        assertThat(tenth.ticks(500, 100)).isZero(); // 0.5 → 0
        assertThat(tenth.ticks(1_500, 100)).isEqualTo(2); // 1.5 → 2
        assertThat(tenth.ticks(2_500, 100)).isEqualTo(2); // 2.5 → 2
        assertThat(tenth.ticks(-1_500, 100)).isEqualTo(-2);
        assertThat(tenth.ticks(-2_500, 100)).isEqualTo(-2);
        assertThat(new CentsToTicks(new BigDecimal("1E+1")).ticks(100)).isEqualTo(10);
    }

    @Test
    void hugeProductsFallBackToExactDecimalsWithinBounds() {
        CentsToTicks huge = new CentsToTicks(new BigDecimal("123456789.123456"));
        assertThat(huge.ticks(100_000_000_000L, 1_000)).isEqualTo(4_000);
        assertThat(huge.ticks(-100_000_000_000L, 1_000)).isEqualTo(-4_000);
    }
}
