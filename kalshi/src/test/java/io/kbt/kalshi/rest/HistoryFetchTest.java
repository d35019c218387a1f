package io.kbt.kalshi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kbt fetch against {@link FakeKalshi}: tiers, a moving cutoff, cursors, faults, checkpoints, the rate limit. */
class HistoryFetchTest {
    static final RetryPolicy FAST = new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(50), 3);
    static final LocalDate DAY1 = LocalDate.of(2026, 3, 2);
    static final Selection RANGE = new Selection(List.of("INXD"), List.of(), DAY1, DAY1.plusDays(2));

    @TempDir Path dir;
    FakeKalshi fake;
    final List<TestDatabase> dbs = new ArrayList<>();
    int expectedTrades;

    @BeforeEach
    void serve() throws Exception {
        fake = new FakeKalshi();
        for (int d = 0; d < 3; d++) {
            LocalDate day = DAY1.plusDays(d);
            long open = micros(day, 9, 30);
            long close = micros(day, 16, 0);
            for (int k = 0; k < 2; k++) {
                String ticker = "INXD-26MAR0" + (2 + d) + "-B40" + (k == 0 ? "25" : "75");
                fake.market("INXD", ticker, open, close, close + 3_600_000_000L, k == 0 ? "yes" : "no");
                for (int i = 0; i < 23; i++) {
                    // every third trade shares its second with the one before
                    long created = open + (i - i % 3 / 2) * 900_000_000L + (i % 3 == 2 ? 0 : 0);
                    fake.trade(ticker, ticker + "-t" + i, created, 30 + i, 1 + i % 4, i % 2 == 0 ? "yes" : "no");
                    expectedTrades++;
                }
            }
        }
        // day 1's markets settled before the cutoff; the trades cutoff starts inside day 2 and moves on
        fake.marketSettledCutoff = micros(DAY1.plusDays(1), 0, 0);
        fake.tradesCutoff = micros(DAY1.plusDays(1), 12, 0);
        fake.cutoffStep = 20 * 60_000_000L;
    }

    @AfterEach
    void stop() {
        fake.close();
        dbs.forEach(TestDatabase::close);
    }

    private TestDatabase db() {
        TestDatabase db = TestDatabase.create(HistoryFetchTest.class);
        dbs.add(db);
        return db;
    }

    static long micros(LocalDate day, int h, int m) {
        return ZonedDateTime.of(day.atTime(h, m), Selection.NEW_YORK).toInstant().toEpochMilli() * 1000;
    }

    private HistoryFetch fetch(Database database, double rate) {
        KalshiHttp http = new KalshiHttp(fake.base(), new RateLimiter(rate), FAST, RequestHeaders.NONE);
        long now = micros(DAY1.plusDays(10), 0, 0);
        return new HistoryFetch(database, new KalshiRest(http), dir, () -> now, FetchProgress.NONE);
    }

    private static List<String> trades(TestDatabase db) {
        List<String> rows = new ArrayList<>();
        try (Database d = db.open()) {
            d.dsl().fetch("select m.ticker, t.ts, t.yes_price, t.count, t.taker_side from trade t "
                    + "join market m on m.id = t.market_id order by 1, 2, 3, 4, 5")
                    .forEach(r -> rows.add(r.intoList().toString()));
        }
        return rows;
    }

    @Test
    void everyTradeServedIsStoredOnceThroughPagesTiersAndFaults() {
        fake.faults.put(3, FakeKalshi.Fault.THROTTLE);
        fake.faults.put(6, FakeKalshi.Fault.SERVER_ERROR);
        fake.faults.put(9, FakeKalshi.Fault.DROP);
        fake.faults.put(14, FakeKalshi.Fault.MALFORMED);
        fake.faults.put(20, FakeKalshi.Fault.SERVER_ERROR);
        TestDatabase db = db();
        try (Database d = db.open()) {
            HistoryFetch fetch = fetch(d, 200);
            KindSummary markets = fetch.markets(RANGE);
            KindSummary trades = fetch.trades(RANGE);
            assertThat(markets.fetched()).isEqualTo(6);
            assertThat(trades.added()).isEqualTo(expectedTrades);
        }
        assertThat(db.count("market")).isEqualTo(6);
        assertThat(db.count("trade")).isEqualTo(expectedTrades);
        List<String> expected = new ArrayList<>();
        fake.trades.forEach((ticker, list) -> list.forEach(t -> expected.add(ticker + " "
                + t.get("created_time").asText() + " " + t.get("trade_id").asText())));
        assertThat(trades(db)).doesNotHaveDuplicates().hasSize(expected.size());
        // both tiers were asked, and the cutoff moved while fetching
        assertThat(fake.requests).anyMatch(r -> r.path().equals("/historical/trades"))
                .anyMatch(r -> r.path().equals("/markets/trades"))
                .anyMatch(r -> r.path().equals("/historical/markets"));
    }

    @Test
    void aFetchKilledMidwayAndRestartedEqualsAnUninterruptedOneAndARefetchAddsNothing() {
        TestDatabase whole = db();
        try (Database d = whole.open()) {
            HistoryFetch fetch = fetch(d, 500);
            fetch.markets(RANGE);
            fetch.trades(RANGE);
        }
        fake.requests.clear();
        fake.tradesCutoff = micros(DAY1.plusDays(1), 12, 0);
        TestDatabase killed = db();
        int start = fake.requestCount();
        fake.rejectFrom = start + 17;
        try (Database d = killed.open()) {
            HistoryFetch fetch = fetch(d, 500);
            fetch.markets(RANGE);
            assertThatThrownBy(() -> fetch.trades(RANGE)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("HTTP 400");
        }
        assertThat(killed.count("trade")).isPositive().isLessThan(expectedTrades);
        fake.rejectFrom = Integer.MAX_VALUE;
        try (Database d = killed.open()) {
            HistoryFetch fetch = fetch(d, 500);
            fetch.trades(RANGE);
            assertThat(trades(killed)).isEqualTo(trades(whole));
            KindSummary again = fetch.trades(RANGE);
            assertThat(again.added()).isZero();
            assertThat(again.alreadyComplete()).isEqualTo(6);
        }
        assertThat(trades(killed)).isEqualTo(trades(whole));
    }

    @Test
    void aRejectedRequestIsBadInputAndNotRetried() {
        TestDatabase db = db();
        fake.faults.put(1, FakeKalshi.Fault.REJECT);
        try (Database d = db.open()) {
            assertThatThrownBy(() -> fetch(d, 500).markets(RANGE)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("rejected").hasMessageContaining("/markets");
        }
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(db.count("market")).isZero();
    }

    @Test
    void noOneSecondWindowHoldsMoreRequestsThanTheRate() {
        fake.pageSize = 1;
        fake.faults.put(5, FakeKalshi.Fault.THROTTLE);
        TestDatabase db = db();
        try (Database d = db.open()) {
            HistoryFetch fetch = fetch(d, 20);
            fetch.markets(RANGE);
            fetch.trades(new Selection(List.of("INXD"), List.of(), DAY1, DAY1));
        }
        List<Long> times = fake.requests.stream().map(FakeKalshi.Request::nanos).sorted().toList();
        assertThat(times).hasSizeGreaterThan(40);
        for (int i = 0; i < times.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < times.size() && times.get(j) < times.get(i) + 1_000_000_000L; j++) {
                inWindow++;
            }
            assertThat(inWindow).as("requests in the second from request %d", i).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void candlesArePagedByTimeFromTheRightTierAndARefetchAddsNothing() {
        TestDatabase db = db();
        try (Database d = db.open()) {
            HistoryFetch fetch = fetch(d, 500);
            fetch.markets(RANGE);
            KindSummary first = fetch.candles(RANGE, 1);
            assertThat(first.added()).isPositive().isEqualTo(first.fetched());
            assertThat(db.count("candle")).isEqualTo(first.added());
            KindSummary again = fetch.candles(RANGE, 1);
            assertThat(again.added()).isZero();
            assertThat(again.alreadyComplete()).isEqualTo(6);
        }
        assertThat(fake.requests).anyMatch(r -> r.path().startsWith("/historical/markets/"))
                .anyMatch(r -> r.path().startsWith("/series/INXD/markets/"));
        // 09:30..16:01 is 391 one-minute candles per market, in one request each
        try (Database d = db.open()) {
            assertThat(d.dsl().fetchValue("select count(distinct market_id) from candle")).isEqualTo(6L);
        }
    }

    @Test
    void feeChangesAreStoredOnce() {
        fake.feeChange("INXD", "f1", "quadratic", "0.5", micros(DAY1, 0, 0));
        fake.feeChange("INXD", "f2", "quadratic_with_maker_fees", "0.5", micros(DAY1.plusDays(1), 12, 0));
        TestDatabase db = db();
        try (Database d = db.open()) {
            HistoryFetch fetch = fetch(d, 500);
            assertThat(fetch.fees(List.of("INXD")).added()).isEqualTo(2);
            assertThat(fetch.fees(List.of("INXD")).added()).isZero();
        }
        assertThat(db.count("fee_change")).isEqualTo(2);
    }
}
