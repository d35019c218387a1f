package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Selection;
import io.kbt.kalshi.rest.FakeKalshi;
import io.kbt.runner.Backtest;
import io.kbt.runner.BacktestResult;
import io.kbt.runner.Sweep;
import io.kbt.runner.SweepResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kbt fetch} against the in-process fake Kalshi, then a backtest of the fetched markets, which have trades
 * and candles but no recorded book: it runs on a book built from candles and says so.
 */
class FetchCommandTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String[] TICKERS = {"INXD-26MAR02-B4025", "INXD-26MAR02-B4075"};
    static TestDatabase db;
    static FakeKalshi fake;

    @TempDir static Path dir;

    static long micros(int h, int m) {
        return ZonedDateTime.of(DAY.atTime(h, m), Selection.NEW_YORK).toInstant().toEpochMilli() * 1000;
    }

    @BeforeAll
    static void serve() throws Exception {
        db = TestDatabase.create(FetchCommandTest.class);
        fake = new FakeKalshi();
        fake.marketSettledCutoff = micros(0, 0);
        fake.tradesCutoff = micros(12, 0);
        for (String ticker : TICKERS) {
            fake.market("INXD", ticker, micros(9, 30), micros(16, 0), micros(17, 0), "no");
            for (int i = 0; i < 190; i++) {
                int price = 50 + (int) Math.round(12 * Math.sin(i / 9.0));
                fake.trade(ticker, ticker + "-" + i, micros(9, 31) + i * 120_000_000L, price, 5,
                        i % 2 == 0 ? "yes" : "no");
            }
        }
        fake.feeChange("INXD", "fee-1", "quadratic", "0.5", micros(0, 0) - 86_400_000_000L);
        fake.feeChange("INXD", "fee-2", "quadratic_with_maker_fees", "0.5", micros(12, 0));
        StringBuilder index = new StringBuilder("ts,price\n");
        for (long t = micros(9, 30); t <= micros(16, 0); t += 60_000_000L) {
            index.append(t).append(",4030.5\n");
        }
        Files.writeString(dir.resolve("spx.csv"), index);
    }

    @AfterAll
    static void stop() {
        fake.close();
        db.close();
    }

    private static CliRun kbt(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = db.jdbcUrl();
        return CliRun.of(all);
    }

    private static CliRun fetch(String kind, String... more) {
        String[] args = {"fetch", kind, "--series", "INXD", "--from", DAY.toString(), "--to", DAY.toString(),
            "--base-url", fake.base().toString(), "--rate", "500"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return kbt(all);
    }

    @Test
    void aBacktestOfFetchedCandlesAndTradesRunsOnACandleBookAndSaysSo() throws Exception {
        CliRun trades = fetch("trades", "--out", dir.resolve("fetched").toString());
        assertThat(trades.exit()).as(trades.err()).isZero();
        assertThat(trades.out()).contains("trades: 2 visited (0 already complete), 380 fetched, 380 new");
        assertThat(dir.resolve("fetched/markets-INXD.json")).exists();
        CliRun again = fetch("trades");
        assertThat(again.out()).contains("trades: 2 visited (2 already complete), 0 fetched, 0 new");
        assertThat(fetch("candles").exit()).isZero();
        CliRun fees = fetch("fees");
        assertThat(fees.out()).contains("fees: 1 visited (0 already complete), 2 fetched, 2 new");
        assertThat(kbt("import", "index", dir.resolve("spx.csv").toString(), "--symbol", "SPX").exit()).isZero();

        CliRun markets = kbt("markets", "--series", "INXD");
        // no recorded book, trades and candles
        assertThat(markets.out().lines().filter(l -> l.startsWith("INXD-26MAR02"))).hasSize(2)
                .allMatch(l -> l.matches(".* - +yes +yes .*"));

        Path out = dir.resolve("bt");
        CliRun backtest = kbt("backtest", "--from", DAY.toString(), "--series", "INXD", "--set", "preset=seed",
                "--queue", "optimistic", "--fees", "kalshi", "--out", out.toString());
        assertThat(backtest.exit()).as(backtest.err()).isZero();
        assertThat(backtest.err()).contains("NO RECORDED BOOK");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("book_source").asText()).isEqualTo("candles");
        assertThat(summary.get("markets")).allMatch(m -> m.get("book_source").asText().equals("candles"));
        assertThat(summary.get("fee_schedule").asText()).isEqualTo("kalshi");
        assertThat(summary.get("fee_schedule_detail").toString()).contains("quadratic_with_maker_fees x0.5");
        assertThat(summary.get("fills").asLong()).isPositive();
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("P&amp;L · book: candles").contains("Inventory · book: candles");
        for (JsonNode m : summary.get("markets")) {
            if (m.get("fills").asLong() > 0) {
                assertThat(html).contains(m.get("ticker").asText() + " · book: candles");
                assertThat(out.resolve("fills-" + m.get("ticker").asText() + ".png")).exists();
            }
        }

        // the library API offers the same choices: the candle book and the fetched fee history
        BacktestResult library = Backtest.builder().database(db.jdbcUrl()).from(DAY).series("INXD")
                .set("preset", "seed").book("candles").queueModel("optimistic").fees("kalshi").store(false)
                .build().run();
        assertThat(library.feeSchedule()).isEqualTo("kalshi");
        assertThat(library.result().fills()).isEqualTo(summary.get("fills").asLong());
        assertThat(BigDecimal.valueOf(library.result().feesMicros(), 4))
                .isEqualByComparingTo(summary.get("fees_cents").decimalValue());
        assertThat(BigDecimal.valueOf(library.result().pnlMicros(), 4))
                .isEqualByComparingTo(summary.get("pnl_cents").decimalValue());
        // a sweep's shards are opened the same way: candle books and the fee history give the backtest's figures
        SweepResult swept = Sweep.builder().database(db.jdbcUrl()).from(DAY).series("INXD").set("preset", "seed")
                .book("candles").queueModel("optimistic").fees("kalshi").store(false).grid("halfSpread", "1")
                .threads(1).build().run();
        assertThat(swept.outcomes().get(0).result().pnlMicros()).isEqualTo(library.result().pnlMicros());
        assertThat(swept.outcomes().get(0).result().feesMicros()).isEqualTo(library.result().feesMicros());

        CliRun sweep = kbt("sweep", "--from", DAY.toString(), "--series", "INXD", "--set", "preset=seed",
                "--queue", "fraction:f=0.5", "--fees", "kalshi", "--grid", "halfSpread=1,2", "--threads", "1",
                "--out", dir.resolve("sweep").toString());
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        assertThat(sweep.err()).contains("NO RECORDED BOOK").doesNotContain("queue ahead is unknowable");
        CliRun riskAverse = kbt("backtest", "--from", DAY.toString(), "--series", "INXD", "--set", "preset=seed",
                "--book", "candles", "--out", dir.resolve("bt-risk-averse").toString());
        assertThat(riskAverse.err()).contains("queue ahead is unknowable");

        // with the recorded book only, nothing could fill: a usage error naming the markets
        CliRun recorded = kbt("backtest", "--from", DAY.toString(), "--series", "INXD", "--set", "preset=seed",
                "--book", "recorded", "--out", dir.resolve("bt-recorded").toString());
        assertThat(recorded.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(recorded.err()).contains("no order-book data").contains(TICKERS[0]);
    }

    @Test
    void aRequestKalshiRejectsExitsThree() {
        CliRun run = kbt("fetch", "candles", "--market", "NOPE-1", "--base-url", fake.base().toString(),
                "--rate", "500");
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Kalshi knows no market NOPE-1");
    }
}
