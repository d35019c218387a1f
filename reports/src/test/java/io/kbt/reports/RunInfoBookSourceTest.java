package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each market's book came from, as summary.json and the chart titles say it. */
class RunInfoBookSourceTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void aRunIsRecordedCandlesOrMixed() {
        RunInfo info = new RunInfo("cauchy", Map.of(), DAY, DAY, "optimistic", "kalshi", 1,
                Map.of("A", "candles", "B", "recorded"), List.of());
        assertThat(info.bookSource("A")).isEqualTo("candles");
        assertThat(info.bookSource("C")).isEqualTo("recorded");
        assertThat(info.bookSource(List.of("A"))).isEqualTo("candles");
        assertThat(info.bookSource(List.of("B", "C"))).isEqualTo("recorded");
        assertThat(info.bookSource(List.of("A", "B", "C"))).isEqualTo("mixed (1 of 3 markets from candles)");
        assertThat(new RunInfo("cauchy", Map.of(), DAY, DAY, "risk-averse", "standard", 1).bookSource(List.of("A")))
                .isEqualTo("recorded");
    }
}
