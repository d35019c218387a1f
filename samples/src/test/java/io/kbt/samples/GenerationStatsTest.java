package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kbt.samples.GenerationStats.MarketActivity;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The figures {@code kbt generate --stats} prints fall in the ranges the generator is configured for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerationStatsTest {
    private static final double DAILY_VOL = 0.009;
    private GenerationStats stats;

    @BeforeAll
    void generate() {
        var config = GeneratorConfig.withVol(LocalDate.of(2026, 2, 2), 4, 9, 11, DAILY_VOL);
        stats = new Generator(config).write(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
    }

    @Test
    void spreadsNearFiftyCentsAreOneToFiveCentsAndWiderElsewhere() {
        assertThat(stats.shareNearHalf(1, 5)).isGreaterThanOrEqualTo(0.95);
        assertThat(stats.quantileNearHalf(0.5)).isBetween(1, 5);
        assertThat(stats.quantileElsewhere(0.9)).isGreaterThanOrEqualTo(stats.quantileNearHalf(0.9));
        assertThat(stats.spreadsNearHalf()[0]).isZero();
        assertThat(stats.spreadsElsewhere()[0]).isZero();
    }

    @Test
    void realisedDailyVolatilityIsTheConfiguredOne() {
        assertThat(stats.configuredDailyVol()).isEqualTo(DAILY_VOL);
        assertThat(stats.realisedDailyVol()).isCloseTo(DAILY_VOL, within(DAILY_VOL * 0.05));
    }

    @Test
    void activeMarketsTradeThousandsADayAndFarOutMarketsAreThin() {
        assertThat(stats.days()).isEqualTo(4);
        assertThat(stats.markets()).isEqualTo(4 * 11);
        Map<String, List<MarketActivity>> byEvent = stats.activity().stream()
                .collect(Collectors.groupingBy(a -> a.ticker().substring(0, a.ticker().lastIndexOf('-'))));
        assertThat(byEvent).hasSize(4);
        for (List<MarketActivity> event : byEvent.values()) {
            long most = event.stream().mapToLong(MarketActivity::trades).max().orElseThrow();
            long least = event.stream().mapToLong(MarketActivity::trades).min().orElseThrow();
            assertThat(most).as("most active market of %s", event).isBetween(1_000L, 20_000L);
            assertThat(least).as("thinnest market of %s", event).isLessThan(most / 3);
            assertThat(event.stream().max(Comparator.comparingLong(MarketActivity::trades)).orElseThrow().contracts())
                    .isGreaterThan(most);
        }
        assertThat(stats.activity().stream().mapToLong(MarketActivity::trades).sum()).isEqualTo(stats.trades());
    }
}
