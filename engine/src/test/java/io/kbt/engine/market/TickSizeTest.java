package io.kbt.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TickSizeTest {
    @Test
    void centGridHasAHundredTicksAndTradesOneToNinetyNine() {
        assertThat(TickSize.CENT.maxTicks()).isEqualTo(100);
        assertThat(TickSize.CENT.tradable(1)).isTrue();
        assertThat(TickSize.CENT.tradable(99)).isTrue();
        assertThat(TickSize.CENT.tradable(0)).isFalse();
        assertThat(TickSize.CENT.tradable(100)).isFalse();
        assertThat(TickSize.TENTH_CENT.maxTicks()).isEqualTo(1000);
    }

    @Test
    void rejectsATickThatDoesNotDivideADollar() {
        assertThatThrownBy(() -> new TickSize(3_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void priceInMicrosIsExact(@ForAll @IntRange(min = 1, max = 999) int ticks) {
        assertThat(TickSize.TENTH_CENT.micros(ticks)).isEqualTo(ticks * 1_000L);
    }
}
