package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.DataDirectory;
import io.kbt.feeds.IndexCsvReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reads a generation back with the real feeds readers and rebuilds every book with the engine's KalshiBook. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedFeedTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 1, 9);

    private Path dir;

    private GenerationStats stats;
    private List<Market> markets;
    private List<String> warnings;
    private final Map<Integer, KalshiBook> books = new HashMap<>();
    private final Map<Long, Double> lastTickAtOrBefore = new HashMap<>();
    private long trades;
    private AssertionError replayProblem;

    /** Generates two days (a Friday and the Monday after) and replays them once through --data DIR's reader. */
    @BeforeAll
    void generateAndReplay(@TempDir Path tempDir) {
        dir = tempDir;
        stats = new Generator(GeneratorConfig.of(FRIDAY, 2, 1, 42)).writeTo(dir, false);
        try (DataSet data = new DataDirectory(dir).open(new Selection(List.of(), List.of(), FRIDAY, FRIDAY.plusDays(3)))) {
            markets = data.instruments().markets();
            warnings = data.warnings();
            replay(data);
        } catch (AssertionError e) {
            replayProblem = e;
        }
    }

    @Test
    void everyFileReadsBackCleanlyWithTheFeedsReaders() {
        try (var reader = new KalshiWsReader(dir.resolve(GeneratedFiles.WEBSOCKET), new TickerRegistry())) {
            while (reader.next() != null) {
                // read to the end: a bad frame, gap or time going backwards throws or warns
            }
            assertThat(reader.stats().warnings()).isEmpty();
            assertThat(reader.stats().count(KalshiWsReader.GAP)).isZero();
            assertThat(reader.stats().count(KalshiWsReader.SNAPSHOT)).isEqualTo(2 * 3);
            assertThat(reader.stats().count(KalshiWsReader.TRADE)).isEqualTo(stats.trades());
            assertThat(reader.stats().count(KalshiWsReader.SNAPSHOT) + reader.stats().count(KalshiWsReader.DELTA)
                    + reader.stats().count(KalshiWsReader.TRADE)).isEqualTo(stats.frames());
        }
        try (var reader = new IndexCsvReader(dir.resolve(GeneratedFiles.INDEX), "SPX", new TickerRegistry())) {
            long ticks = 0;
            while (reader.next() != null) {
                ticks++;
            }
            assertThat(ticks).isEqualTo(stats.indexTicks()).isEqualTo(2 * 23_401);
        }
    }

    @Test
    void rebuiltBooksNeverCrossNorGoBelowZeroAndEveryTradeTakesItsQuantityOffTheBook() {
        assertThat(warnings).isEmpty();
        assertThat(markets).hasSize(6);
        if (replayProblem != null) {
            throw replayProblem;
        }
        assertThat(trades).isEqualTo(stats.trades());
        assertThat(books).hasSize(6);
        for (KalshiBook book : books.values()) {
            assertThat(book.clampedLevels()).isZero();
            assertThat(book.crossedBooks()).isZero();
        }
    }

    private void replay(DataSet data) {
        Trade pending = null;
        long previousTs = Long.MIN_VALUE;
        for (MarketEvent event = data.events().next(); event != null; event = data.events().next()) {
            check(event.ts() >= previousTs, "time went backwards", event);
            previousTs = event.ts();
            if (pending != null) {
                // Kalshi's feed: the trade, then the delta that takes its count off the level it traded at.
                boolean boughtYes = pending.takerSide() == BookSide.YES;
                check(event instanceof BookDelta d && d.market() == pending.market() && d.ts() == pending.ts()
                        && d.side() == (boughtYes ? BookSide.NO : BookSide.YES)
                        && d.price() == (boughtYes ? 100 - pending.yesPrice() : pending.yesPrice())
                        && d.delta() == -pending.count(), "not the delta of " + pending, event);
            }
            pending = null;
            switch (event) {
                case BookSnapshot s -> books.computeIfAbsent(s.market(), m -> new KalshiBook(100)).applySnapshot(s);
                case BookDelta d -> books.get(d.market()).applyDelta(d.side(), d.price(), d.delta());
                case Trade t -> {
                    KalshiBook book = books.get(t.market());
                    boolean boughtYes = t.takerSide() == BookSide.YES;
                    check((boughtYes ? book.bestYesAsk() : book.bestYesBid()) == t.yesPrice(),
                            "trade away from the best price", t);
                    check((boughtYes ? book.yesAskSize(t.yesPrice()) : book.yesBidSize(t.yesPrice())) >= t.count(),
                            "trade larger than its level", t);
                    pending = t;
                    trades++;
                }
                case IndexTick i -> {
                    check(i.level() > 0, "index level not positive", i);
                    for (Market market : data.instruments().markets()) {
                        if (i.ts() <= market.closeTime()) {
                            lastTickAtOrBefore.put(market.closeTime(), i.level());
                        }
                    }
                }
                default -> {
                }
            }
            if (!(event instanceof IndexTick)) {
                check(!books.get(marketOf(event)).crossed(), "crossed book", event);
            }
        }
        check(pending == null, "trade without its delta at the end", pending);
    }

    @Test
    void eachMarketsResultAgreesWithTheSimulatedCloseVersusItsStrikes() {
        Map<String, Integer> yesPerEvent = new HashMap<>();
        for (Market market : markets) {
            double close = lastTickAtOrBefore.get(market.closeTime());
            boolean yes = switch (market.strikeType()) {
                case BETWEEN -> close >= market.floorStrike() && close <= market.capStrike();
                case LESS -> close < market.capStrike();
                case GREATER -> close > market.floorStrike();
                default -> throw new AssertionError("unexpected strike type of " + market);
            };
            assertThat(market.result().name()).as(market.ticker() + " closing at " + close)
                    .isEqualTo(yes ? "YES" : "NO");
            yesPerEvent.merge(market.eventTicker(), yes ? 1 : 0, Integer::sum);
        }
        assertThat(yesPerEvent).containsOnlyKeys("INXD-26JAN09", "INXD-26JAN12")
                .allSatisfy((event, yes) -> assertThat(yes).as(event).isOne());
    }

    private static void check(boolean ok, String problem, MarketEvent event) {
        if (!ok) {
            throw new AssertionError(problem + " at " + event);
        }
    }

    private static int marketOf(MarketEvent event) {
        return switch (event) {
            case BookSnapshot s -> s.market();
            case BookDelta d -> d.market();
            case Trade t -> t.market();
            default -> throw new IllegalArgumentException(event.toString());
        };
    }
}
