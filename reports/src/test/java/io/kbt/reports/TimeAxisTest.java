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
}
