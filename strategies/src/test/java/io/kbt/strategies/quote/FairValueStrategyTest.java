package io.kbt.strategies.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.strategy.Quote;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.quote.FakeContext.QuoteCall;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The strategy's loop over markets: pricing from one index, withdrawing before close and on a loss stop. */
class FairValueStrategyTest {
    private static final long SECOND = 1_000_000;
    private static final long CLOSE = 1_681_156_800L * SECOND; // 2023-04-10 20:00 UTC
    private static final CauchyReturns BOT = new CauchyReturns(0, 5e-6, 0.6);

    private static Market market(int id, String ticker, StrikeType type, double floor, double cap, String underlying) {
        return new Market(id, ticker, "INXD-23APR10", "INXD", type, floor, cap, underlying, CLOSE - 24 * 3600 * SECOND,
                CLOSE, Result.UNKNOWN, TickSize.CENT);
    }

    private static final Instruments INSTRUMENTS = new Instruments(List.of(
            market(0, "INXD-23APR10-B4075", StrikeType.BETWEEN, 4050, 4099.99, "SPX"),
            market(1, "INXD-23APR10-B4125", StrikeType.BETWEEN, 4100, 4149.99, "SPX"),
            market(2, "INXD-23APR10-T4200", StrikeType.GREATER, 4200, Double.NaN, "SPX"),
            market(3, "INXD-23APR10-X", StrikeType.UNKNOWN, Double.NaN, Double.NaN, "SPX"),
            market(4, "NASDAQ-X-B1", StrikeType.BETWEEN, 1, 2, "NDX")),
            List.of("SPX"));

    private FakeContext context;

    private static QuotingParams quoting(long stopBeforeCloseSeconds, OptionalLong maxLossCents) {
        return new QuotingParams(BigDecimal.ONE, new BigDecimal("0.1"), 1_000, 4_000, true, false,
                stopBeforeCloseSeconds, maxLossCents);
    }

    /** The Cauchy band probability written out independently of the model classes. */
    private static double cauchyBand(double level, double floor, double cap, double tau) {
        double gamma = 5e-6 * Math.pow(tau, 0.6);
        return Math.atan((cap / level - 1) / gamma) / Math.PI - Math.atan((floor / level - 1) / gamma) / Math.PI;
    }

    @BeforeEach
    void replayAnHourBeforeClose() {
        context = new FakeContext(INSTRUMENTS);
        context.now = CLOSE - 3600 * SECOND;
        context.levels.put(0, 4080.0);
    }

    @Test
    void oneIndexLevelPricesAndQuotesEveryPriceableMarket() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.empty()));
        strategy.onBatch(context);

        double fair0 = 100 * cauchyBand(4080, 4050, 4099.99, 3600);
        double fair1 = 100 * cauchyBand(4080, 4100, 4149.99, 3600);
        assertThat(context.fairs.get(0)).isCloseTo(fair0, within(1e-9));
        assertThat(context.fairs.get(1)).isCloseTo(fair1, within(1e-9));
        assertThat(context.fairs).containsOnlyKeys(0, 1, 2);
        // fairs 92.67¢, 3.13¢ and 0.74¢ (computed by hand) in a 60/80 book: B4075's bid 92 is pulled to 79 by the
        // cross guard; the others' asks are lifted to 61; T4200's bid 0 clamps to 1, one tick below its ask
        assertThat(fair0).isCloseTo(92.67080584951208, within(1e-9));
        assertThat(fair1).isCloseTo(3.1281920798969134, within(1e-9));
        assertThat(context.fairs.get(2)).isCloseTo(0.7362123505783191, within(1e-9));
        assertThat(context.drainQuotes()).containsExactlyInAnyOrder(
                new QuoteCall(0, new Quote(79, 1_000, 94, 1_000, false)),
                new QuoteCall(1, new Quote(2, 1_000, 61, 1_000, false)),
                new QuoteCall(2, new Quote(1, 1_000, 61, 1_000, false)));
    }

    @Test
    void resendsTheSameQuoteWhenNothingChanged() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.empty()));
        strategy.onBatch(context);
        List<QuoteCall> first = context.drainQuotes();
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).isEqualTo(first);
    }

    @Test
    void quotesNothingBeforeTheIndexTicksOrWhileTheBookIsNotLive() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.empty()));
        context.levels.clear();
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).isEmpty();
        assertThat(context.fairs.get(0)).isNaN();

        context.levels.put(0, 4080.0);
        context.books.put(0, new FakeContext.Book(0, 0, 100, false));
        context.fairs.clear();
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).extracting(QuoteCall::market).containsExactlyInAnyOrder(1, 2);
        assertThat(context.fairs).as("a market without a live book is not priced").containsOnlyKeys(1, 2);
    }

    @Test
    void withdrawsOnceStopBeforeCloseSecondsAheadOfTheClose() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(60, OptionalLong.empty()));
        context.now = CLOSE - 61 * SECOND;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).hasSize(3).allMatch(call -> call.quote().quotesBid() || call.quote().quotesAsk());

        context.now = CLOSE - 60 * SECOND;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).containsExactlyInAnyOrder(
                new QuoteCall(0, Quote.NONE), new QuoteCall(1, Quote.NONE), new QuoteCall(2, Quote.NONE));

        context.now = CLOSE - 30 * SECOND;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).isEmpty();
    }

    @Test
    void quotesUntilTheCloseWhenStopIsZeroAndSkipsClosedMarkets() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.empty()));
        context.now = CLOSE - SECOND;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).hasSize(3);
        context.closed.add(0);
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).extracting(QuoteCall::market).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void stopsForTheRestOfTheRunOnceTheLossExceedsMaxLossCents() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.of(500)));
        context.pnlMicros = -5_000_000; // a loss of exactly 500¢ does not exceed it
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).hasSize(3).noneMatch(call -> call.quote().equals(Quote.NONE));

        context.pnlMicros = -5_000_001;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).extracting(QuoteCall::quote).containsOnly(Quote.NONE).hasSize(3);

        context.pnlMicros = 0;
        strategy.onBatch(context);
        assertThat(context.drainQuotes()).isEmpty();
    }

    @Test
    void skewsByTheMarketsOwnPositionAndReportsTheLimitInHundredths() {
        FairValueStrategy strategy = new FairValueStrategy(INSTRUMENTS, BOT, quoting(0, OptionalLong.empty()));
        assertThat(strategy.positionLimit()).isEqualTo(4_000);
        context.positions.put(0, 3_500L); // 35 contracts long: both quotes 4¢ lower, 5 contracts of room to buy
        context.books.put(0, new FakeContext.Book(50, 99, 100, true));
        strategy.onBatch(context);
        // rounded fair 93: 93 − 1 − 4 = 88 and 93 + 1 − 4 = 90
        assertThat(context.drainQuotes()).contains(new QuoteCall(0, new Quote(88, 500, 90, 1_000, false)));
    }
}
