package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    private static final LocalDate MONDAY = LocalDate.of(2023, 4, 10);

    @Test
    void seriesBreakBetweenNewYorkDaysSoNoLineCrossesANight() {
        long[] ts = {
            SyntheticRun.micros(MONDAY, LocalTime.of(15, 0)),
            SyntheticRun.micros(MONDAY, LocalTime.of(15, 59)),
            SyntheticRun.micros(MONDAY.plusDays(1), LocalTime.of(9, 30)),
            SyntheticRun.micros(MONDAY.plusDays(1), LocalTime.of(10, 0))
        };
        SeriesBuffer.Points points = new SeriesBuffer.Points(ts, new double[] {1, 2, 3, 4});
        TimeAxis axis = TimeAxis.covering(List.of(points));
        TimeAxis.Xy xy = axis.xy(points, 1);
        assertThat(xy.ys()).containsExactly(1.0, 2.0, Double.NaN, 3.0, 4.0);
        assertThat(axis.multiDay()).isTrue();
        assertThat(axis.dates()).isEqualTo("2023-04-10 – 2023-04-11");
        assertThat(axis.datePattern()).contains("MM-dd");
    }

    @Test
    void axisRunsFromTheWholeHourAtOrBeforeTheFirstPointToTheHourAtOrAfterTheLastInNewYork() {
        long first = SyntheticRun.micros(MONDAY, LocalTime.of(9, 31, 2));
        long last = SyntheticRun.micros(MONDAY, LocalTime.of(15, 59, 59));
        TimeAxis axis = TimeAxis.covering(List.of(new SeriesBuffer.Points(new long[] {first, last},
                new double[] {1, 1})));
        assertThat(axis.startDate()).isEqualTo(new Date(SyntheticRun.micros(MONDAY, LocalTime.of(9, 0)) / 1000));
        assertThat(axis.endDate()).isEqualTo(new Date(SyntheticRun.micros(MONDAY, LocalTime.of(16, 0)) / 1000));
        assertThat(axis.multiDay()).isFalse();
        TimeAxis closingOnTheHour = TimeAxis.covering(List.of(new SeriesBuffer.Points(
                new long[] {first, SyntheticRun.micros(MONDAY, LocalTime.of(16, 0))}, new double[] {1, 1})));
        assertThat(closingOnTheHour.endDate()).isEqualTo(axis.endDate());
        assertThat(axis.datePattern()).isEqualTo("HH:mm");
    }

    @Test
    void severalDaysSitSideBySideOnACompressedSessionAxisWithADayBoundary() {
        long[] ts = {
            SyntheticRun.micros(MONDAY, LocalTime.of(15, 0)),
            SyntheticRun.micros(MONDAY, LocalTime.of(15, 59)),
            SyntheticRun.micros(MONDAY.plusDays(3), LocalTime.of(9, 30)),
            SyntheticRun.micros(MONDAY.plusDays(3), LocalTime.of(10, 0))
        };
        SeriesBuffer.Points points = new SeriesBuffer.Points(ts, new double[] {1, 2, 3, 4});
        TimeAxis axis = TimeAxis.covering(List.of(points));

        // Monday 15:00–16:00 takes the first hour of the axis, Thursday 09:00–10:00 the second: no night between.
        double hour = 3_600_000;
        assertThat(axis.min()).isZero();
        assertThat(axis.max()).isEqualTo(2 * hour);
        assertThat(axis.separators()).containsExactly(hour);
        assertThat(axis.xy(points, 1).xs()).containsExactly(0.0, 59 * 60_000.0, 59 * 60_000.0, 1.5 * hour, 2 * hour);
        assertThat(axis.label(1.5 * hour)).isEqualTo("04-13 09:30");
        assertThat(axis.label(0)).isEqualTo("04-10 15:00");
        assertThat(axis.ends()).containsExactly(0.0, 2 * hour);
    }
}
