package io.kbt.strategies.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.kbt.engine.market.DailyClose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fits on the reference S&amp;P 500 daily closes 2000–2020 against the published figures. */
class SpxDailyFitTest {
    private static List<DailyClose> closes;
    private static ReturnFits fits;

    @BeforeAll
    static void fit() throws IOException {
        Path file = Path.of(System.getProperty("kbt.sharedData", "../../shared/data"), "spx-daily", "spx-daily-2000-2020.csv");
        closes = Files.readAllLines(file).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(cells -> new DailyClose(LocalDate.parse(cells[0]), Double.parseDouble(cells[1])))
                .toList();
        fits = ReturnFits.of(closes, 0.6);
    }

    @Test
    void cauchyMaximumLikelihoodMatchesReferenceWithinRelativeOneInHundredThousand() {
        // within relative 1e-5 = 0.001 percent
        assertThat(fits.cauchy().location()).isCloseTo(7.327636e-4, withPercentage(1e-3));
        assertThat(fits.cauchy().scale()).isCloseTo(4.955059e-3, withPercentage(1e-3));
        assertThat(fits.cauchy().logLikelihood()).isCloseTo(15943.35298, withPercentage(1e-3));
        assertThat(fits.cauchy().n()).isEqualTo(closes.size() - 1);
    }

    @Test
    void cauchyFitSitsWhereTheScoreIsZero() {
        double x0 = fits.cauchy().location();
        double gamma = fits.cauchy().scale();
        double dx0 = 0;
        double dGamma = 0;
        for (double r : ReturnFits.dailyReturns(closes)) {
            double z = (r - x0) / gamma;
            dx0 += 2 * z / (1 + z * z);
            dGamma += 2 * z * z / (1 + z * z) - 1;
        }
        // each term is of order 1, so a sum of 5,200 terms near 0 means a stationary point
        assertThat(dx0).isCloseTo(0, within(1e-4));
        assertThat(dGamma).isCloseTo(0, within(1e-4));
    }

    @Test
    void normalFitIsSampleMeanAndPopulationStandardDeviation() {
        double[] returns = ReturnFits.dailyReturns(closes);
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        double mean = sum / returns.length;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double populationSd = Math.sqrt(squares / returns.length);
        assertThat(fits.normal().location()).isCloseTo(mean, within(1e-15));
        assertThat(fits.normal().scale()).isCloseTo(populationSd, withPercentage(1e-10));
        // at the MLE the Gaussian log-likelihood is −n/2·(ln 2πσ² + 1)
        double n = returns.length;
        assertThat(fits.normal().logLikelihood())
                .isCloseTo(-n / 2 * (Math.log(2 * Math.PI * populationSd * populationSd) + 1), withPercentage(1e-10));
    }

    @Test
    void cauchyDescribesDailyReturnsBetterThanNormal() {
        assertThat(fits.cauchy().aic()).isEqualTo(4 - 2 * fits.cauchy().logLikelihood());
        assertThat(fits.cauchy().aic()).isLessThan(fits.normal().aic());
        assertThat(fits.cauchy().ksStatistic()).isBetween(0.0, 1.0);
        assertThat(fits.normal().ksStatistic()).isBetween(0.0, 1.0);
    }

    @Test
    void gamma0MakesGammaOfOneSessionEqualTheDailyGamma() {
        assertThat(fits.gamma0() * Math.pow(23_400, 0.6)).isCloseTo(fits.cauchy().scale(), withPercentage(1e-10));
        assertThat(fits.sigma0() * Math.pow(23_400, 0.6)).isCloseTo(fits.normal().scale(), withPercentage(1e-10));
    }
}
