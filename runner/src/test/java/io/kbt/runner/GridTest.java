package io.kbt.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void listAndRangeAxesMakeACartesianProductWithTheLastAxisFastest() {
        Grid grid = Grid.parse(List.of("halfSpread=1,2", "skew=0:0.2:0.1"));

        assertThat(grid.keys()).containsExactly("halfSpread", "skew");
        assertThat(grid.points()).containsExactly(
                Map.of("halfSpread", "1", "skew", "0"),
                Map.of("halfSpread", "1", "skew", "0.1"),
                Map.of("halfSpread", "1", "skew", "0.2"),
                Map.of("halfSpread", "2", "skew", "0"),
                Map.of("halfSpread", "2", "skew", "0.1"),
                Map.of("halfSpread", "2", "skew", "0.2"));
    }

    @Test
    void decimalStepsDoNotDrift() {
        Grid grid = Grid.parse(List.of("skew=0:1:0.1"));

        assertThat(grid.axes().get(0).values()).hasSize(11).endsWith("0.9", "1");
    }

    @Test
    void pointsKeepAxisOrder() {
        Grid grid = Grid.parse(List.of("b=1", "a=2"));

        assertThat(grid.points().get(0).keySet()).containsExactly("b", "a");
    }

    @Test
    void malformedAxesAreUsageErrors() {
        assertThatThrownBy(() -> Grid.parse(List.of("skew"))).isInstanceOf(InvalidRunException.class);
        assertThatThrownBy(() -> Grid.parse(List.of("skew=1:0:1"))).isInstanceOf(InvalidRunException.class);
        assertThatThrownBy(() -> Grid.parse(List.of("skew=0:1:0"))).isInstanceOf(InvalidRunException.class);
        assertThatThrownBy(() -> Grid.parse(List.of("skew=a:b:c"))).hasMessageContaining("numbers");
        assertThatThrownBy(() -> Grid.parse(List.of("skew=1", "skew=2"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> Grid.parse(List.of())).isInstanceOf(InvalidRunException.class);
    }
}
