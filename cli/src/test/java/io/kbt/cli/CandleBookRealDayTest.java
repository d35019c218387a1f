package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.Database;
import io.kbt.db.history.CandleStore;
import io.kbt.db.market.MarketStore;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.TickSize;
import io.kbt.feeds.Candle;
import io.kbt.feeds.CandlesFromBook;
import io.kbt.feeds.SeedCsvReader;
import io.kbt.feeds.TickerRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real day (2023-04-10) backtested on its recorded book and on a book built from one-minute candles computed
 * from that same recording: what a user without a recording gives up. Prints the comparison table (README,
 * "Backtesting without a recorded book") to {@code target/candle-book-real-day.md}.
 */
class CandleBookRealDayTest {
    static final String DAY = "2023-04-10";
    static final String TICKER = "INXD-23APR10-B4075";
    static TestDatabase db;
    static Path realDay;

    @TempDir static Path out;

    @BeforeAll
    static void importRealDayAndItsCandles() throws Exception {
        db = TestDatabase.create(CandleBookRealDayTest.class);
        realDay = Path.of(System.getProperty("kbt.sharedData"), "kalshi-2023-04");
        assertThat(CliRun.of("import", "markets", realDay.resolve("markets.json").toString(), "--db", db.jdbcUrl())
                .exit()).isZero();
        CliRun seed = CliRun.of("import", "seed-csv", realDay.resolve("apr-10-combined.csv").toString(),
                "--market", TICKER, "--symbol", "SPX", "--db", db.jdbcUrl());
        assertThat(seed.exit()).as(seed.err()).isZero();
        CandlesFromBook builder = new CandlesFromBook(TickSize.CENT);
        try (SeedCsvReader reader = new SeedCsvReader(realDay.resolve("apr-10-combined.csv"), TICKER, "SPX",
                new TickerRegistry())) {
            for (MarketEvent e = reader.next(); e != null; e = reader.next()) {
                if (!(e instanceof IndexTick)) {
                    builder.accept(e);
                }
            }
        }
        long close = Instant.parse("2023-04-10T20:00:00Z").toEpochMilli() * 1000;
        List<Candle> candles = builder.finish(close);
        try (Database d = db.open()) {
            int id = new MarketStore(d.dsl()).id(TICKER);
            assertThat(new CandleStore(d.dsl()).insert(id, candles)).isEqualTo(candles.size()).isGreaterThan(300);
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static JsonNode backtest(String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("backtest", "--from", DAY, "--series", "INXD", "--set",
                "preset=seed", "--out", out.resolve(name).toString(), "--db", db.jdbcUrl()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return new ObjectMapper().readTree(out.resolve(name).resolve("summary.json").toFile());
    }

    @Test
    void theCandleBookRunsOnTheRealDayAndTheGapIsReported() throws Exception {
        List<String[]> runs = List.of(
                new String[] {"recorded book, risk-averse queue", "recorded", "risk-averse"},
                new String[] {"recorded book, optimistic queue", "recorded", "optimistic"},
                new String[] {"candle book, optimistic queue", "candles", "optimistic"},
                new String[] {"candle book, fraction:f=0.5", "candles", "fraction:f=0.5"},
                new String[] {"candle book, fraction:f=0.25", "candles", "fraction:f=0.25"});
        StringBuilder table = new StringBuilder(
                "| run | book_source | events | fills | contracts | volume ($) | fees ($) | P&L ($) | max drawdown ($) |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] r : runs) {
            JsonNode s = backtest(r[1] + "-" + r[2].replace(':', '-'), "--book", r[1], "--queue", r[2]);
            assertThat(s.get("book_source").asText()).isEqualTo(r[1]);
            table.append(String.format("| %s | %s | %,d | %d | %s | %.2f | %.2f | %.2f | %.2f |%n", r[0],
                    s.get("book_source").asText(), s.get("events").asLong(), s.get("fills").asLong(),
                    s.get("contracts").asText(), s.get("volume_cents").asDouble() / 100,
                    s.get("fees_cents").asDouble() / 100, s.get("pnl_cents").asDouble() / 100,
                    s.get("max_drawdown_cents").asDouble() / 100));
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/candle-book-real-day.md"), table);
    }
}
