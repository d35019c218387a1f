package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {
    @Test
    void staysBoundedAndKeepsTheExtremesOfALongSeries() {
        SeriesBuffer buffer = new SeriesBuffer(100);
        for (int i = 0; i < 200_000; i++) {
            double value = i == 123_457 ? 99 : i == 7_001 ? -42 : Math.sin(i / 1000.0);
            buffer.add(1_000_000L * i, value);
        }
        SeriesBuffer.Points points = buffer.points();
        assertThat(points.size()).isLessThanOrEqualTo(300);
        assertThat(points.values()).contains(99.0, -42.0);
        int spike = Arrays.stream(points.values()).boxed().toList().indexOf(99.0);
        assertThat(points.ts()[spike]).isEqualTo(123_457_000_000L);
        assertThat(points.ts()).isSorted();
        assertThat(points.ts()[0]).isZero();
        assertThat(points.ts()[points.size() - 1]).isEqualTo(199_999_000_000L);
    }

    @Test
    void keepsEveryPointOfAShortSeries() {
        SeriesBuffer buffer = new SeriesBuffer(100);
        buffer.add(10, 1);
        buffer.add(20, 2);
        buffer.add(30, 3);
        assertThat(buffer.points().values()).containsExactly(1, 2, 3);
        assertThat(buffer.points().ts()).containsExactly(10, 20, 30);
    }

    @Test
    void noValueComesOutAsAGap() {
        SeriesBuffer buffer = new SeriesBuffer(100);
        buffer.add(10, 45);
        buffer.add(20, Double.NaN);
        buffer.add(30, 46);
        assertThat(buffer.points().values()).containsExactly(45, Double.NaN, 46);
    }
}
