package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndexPathTest {
    @Test
    void oneSecondReturnsHaveTheConfiguredDailyVolatilityAndFatTails() {
        var config = GeneratorConfig.withVol(LocalDate.of(2026, 1, 5), 8, 1, 3, 0.015);
        var path = new IndexPath(config, new Rng(3));
        double sumSquares = 0;
        double sumFourth = 0;
        long n = 0;
        for (int day = 0; day < config.days(); day++) {
            double[] levels = path.nextSession();
            assertThat(levels).hasSize(23_401);
            for (int i = 1; i < levels.length; i++) {
                double r = Math.log(levels[i] / levels[i - 1]);
                sumSquares += r * r;
                sumFourth += r * r * r * r;
                n++;
            }
        }
        double dailyVol = Math.sqrt(sumSquares / config.days());
        double kurtosis = sumFourth / n / Math.pow(sumSquares / n, 2);
        assertThat(dailyVol).isCloseTo(0.015, within(0.015 * 0.03));
        // Student-t with 5 degrees of freedom: kurtosis 9; a normal path would give 3.
        assertThat(kurtosis).isGreaterThan(5);
    }

    @Test
    void theNextSessionOpensWithAnOvernightGapFromThePreviousClose() {
        var config = GeneratorConfig.of(LocalDate.of(2026, 1, 5), 2, 1, 3);
        var path = new IndexPath(config, new Rng(5));
        double[] first = path.nextSession();
        double[] second = path.nextSession();
        assertThat(first[0]).isEqualTo(6_000);
        assertThat(second[0]).isNotEqualTo(first[first.length - 1]);
        assertThat(Math.abs(Math.log(second[0] / first[first.length - 1]))).isLessThan(0.1);
    }
}
