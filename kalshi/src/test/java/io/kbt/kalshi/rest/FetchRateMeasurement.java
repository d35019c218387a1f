package io.kbt.kalshi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Selection;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's fetch figure: a month of one INXD series' markets, trades and one-minute candles from the fake
 * Kalshi at {@code -Dkbt.rate} (default 20) requests/s, and the rate achieved. Run by hand:
 * {@code ./mvnw -o -q -pl kalshi -am test -Dtest=FetchRateMeasurement -Dkbt.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. It checks only the limit itself (no second over the rate).
 */
@EnabledIfSystemProperty(named = "kbt.measure", matches = "true")
class FetchRateMeasurement {
    @TempDir Path dir;

    @Test
    void aMonthOfOneSeries() throws Exception {
        double rate = Double.parseDouble(System.getProperty("kbt.rate", "20"));
        LocalDate first = LocalDate.of(2026, 3, 2);
        LocalDate last = LocalDate.of(2026, 3, 31);
        try (FakeKalshi fake = new FakeKalshi(); TestDatabase db = TestDatabase.create(FetchRateMeasurement.class)) {
            fake.pageSize = 1000;
            int markets = 0;
            int trades = 0;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                long open = HistoryFetchTest.micros(day, 9, 30);
                long close = HistoryFetchTest.micros(day, 16, 0);
                for (int k = 0; k < 6; k++) {
                    String ticker = "INXD-26MAR" + String.format("%02d", day.getDayOfMonth()) + "-B" + (3900 + 50 * k);
                    fake.market("INXD", ticker, open, close, close + 3_600_000_000L, k == 2 ? "yes" : "no");
                    markets++;
                    for (int i = 0; i < 150; i++) {
                        fake.trade(ticker, ticker + "-" + i, open + i * 150_000_000L, 20 + i % 60, 1 + i % 7,
                                i % 2 == 0 ? "yes" : "no");
                        trades++;
                    }
                }
            }
            fake.marketSettledCutoff = HistoryFetchTest.micros(LocalDate.of(2026, 3, 16), 0, 0);
            fake.tradesCutoff = HistoryFetchTest.micros(LocalDate.of(2026, 3, 16), 0, 0);
            fake.cutoffStep = 60_000_000L;
            Selection month = new Selection(List.of("INXD"), List.of(), first, last);
            long started;
            long elapsed;
            KindSummary[] summaries;
            KalshiHttp http = new KalshiHttp(fake.base(), new RateLimiter(rate),
                    new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(5), 3), RequestHeaders.NONE);
            try (Database d = db.open()) {
                HistoryFetch fetch = new HistoryFetch(d, new KalshiRest(http), dir,
                        () -> HistoryFetchTest.micros(LocalDate.of(2026, 5, 1), 0, 0), FetchProgress.NONE);
                started = System.nanoTime();
                summaries = new KindSummary[] {fetch.markets(month), fetch.trades(month), fetch.candles(month, 1)};
                elapsed = System.nanoTime() - started;
            }
            List<Long> times = fake.requests.stream().map(FakeKalshi.Request::nanos).sorted().toList();
            int worst = 0;
            for (int i = 0; i < times.size(); i++) {
                int n = 0;
                for (int j = i; j < times.size() && times.get(j) < times.get(i) + 1_000_000_000L; j++) {
                    n++;
                }
                worst = Math.max(worst, n);
            }
            double achieved = (times.size() - 1) / ((times.get(times.size() - 1) - times.get(0)) / 1e9);
            System.out.printf("month of INXD: %d markets, %d trades; %s; %s%n", markets, trades,
                    String.join("; ", java.util.Arrays.stream(summaries).map(KindSummary::line).toList()),
                    http.stats());
            System.out.printf("%d requests in %.1f s: %.2f requests/s = %.1f%% of the %.0f/s limit; busiest second %d%n",
                    times.size(), elapsed / 1e9, achieved, 100 * achieved / rate, rate, worst);
            assertThat(worst).isLessThanOrEqualTo((int) Math.floor(rate));
            assertThat(db.count("trade")).isEqualTo(trades);
        }
    }
}
