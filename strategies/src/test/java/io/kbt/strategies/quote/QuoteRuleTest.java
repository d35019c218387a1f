package io.kbt.strategies.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.strategy.Quote;
import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The quoting rule: rounding, skew, clamps, sizes at the limit, the cross guard and post-only. */
class QuoteRuleTest {
    private static final QuoteRule SEED = new QuoteRule(QuotingParams.SEED);
    private static final QuoteRule PLAIN = new QuoteRule(params("1", "0.1", false, false));

    private static QuotingParams params(String halfSpread, String skew, boolean crossGuard, boolean postOnly) {
        return new QuotingParams(new BigDecimal(halfSpread), new BigDecimal(skew), 1_000, 4_000, crossGuard, postOnly, 0,
                OptionalLong.empty());
    }

    @Test
    void quotesHalfSpreadEitherSideOfTheRoundedFair() {
        assertThat(SEED.quote(70.4, 0, 60, 80, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, false));
        assertThat(SEED.quote(70.6, 0, 60, 80, 100)).isEqualTo(new Quote(70, 1_000, 72, 1_000, false));
        // half a cent rounds to even, as the reference bot's Python round did: 70.5 → 70, 71.5 → 72
        assertThat(SEED.quote(70.5, 0, 60, 80, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, false));
        assertThat(SEED.quote(71.5, 0, 60, 80, 100)).isEqualTo(new Quote(71, 1_000, 73, 1_000, false));
    }

    @Test
    void skewMovesBothQuotesAgainstThePositionByRoundedCents() {
        // the bot moved both quotes by round(position/10) cents: 15 → 2, 25 → 2, 4 → 0, −15 → up 2
        assertThat(SEED.quote(70, 1_500, 60, 80, 100)).isEqualTo(new Quote(67, 1_000, 69, 1_000, false));
        assertThat(SEED.quote(70, 2_500, 60, 80, 100)).isEqualTo(new Quote(67, 1_000, 69, 1_000, false));
        assertThat(SEED.quote(70, 400, 60, 80, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, false));
        assertThat(SEED.quote(70, -1_500, 60, 80, 100)).isEqualTo(new Quote(71, 1_000, 73, 1_000, false));
        // short 35: skew 3.5 → 4 up; only 5 contracts of room left to sell
        assertThat(SEED.quote(70, -3_500, 60, 80, 100)).isEqualTo(new Quote(73, 1_000, 75, 500, false));
    }

    @Test
    void sizesShrinkToTheRoomLeftUnderThePositionLimit() {
        assertThat(SEED.quote(50, 3_500, 0, 0, 100)).isEqualTo(new Quote(45, 500, 47, 1_000, false));
        assertThat(SEED.quote(50, 3_950, 0, 0, 100)).isEqualTo(new Quote(45, 50, 47, 1_000, false));
        Quote full = SEED.quote(50, 4_000, 0, 0, 100);
        assertThat(full.quotesBid()).isFalse();
        assertThat(full.askSize()).isEqualTo(1_000);
        Quote shortFull = SEED.quote(50, -4_000, 0, 0, 100);
        assertThat(shortFull.quotesAsk()).isFalse();
        assertThat(shortFull.bidSize()).isEqualTo(1_000);
    }

    @Test
    void clampsToOneTickAndMaxMinusOneWithoutCrossingEachOther() {
        assertThat(PLAIN.quote(0.3, 0, 0, 0, 100)).isEqualTo(new Quote(1, 1_000, 2, 1_000, false));
        assertThat(PLAIN.quote(99.8, 0, 0, 0, 100)).isEqualTo(new Quote(98, 1_000, 99, 1_000, false));
        assertThat(PLAIN.quote(50, 4_000 - 1_000, 0, 0, 100)).isEqualTo(new Quote(46, 1_000, 48, 1_000, false));
        QuoteRule bigSkew = new QuoteRule(params("1", "5", false, false));
        assertThat(bigSkew.quote(50, 2_000, 0, 0, 100)).isEqualTo(new Quote(1, 1_000, 2, 1_000, false));
        assertThat(bigSkew.quote(50, -2_000, 0, 0, 100)).isEqualTo(new Quote(98, 1_000, 99, 1_000, false));
        QuoteRule zeroSpread = new QuoteRule(params("0", "0", false, false));
        assertThat(zeroSpread.quote(50, 0, 0, 0, 100)).isEqualTo(new Quote(50, 1_000, 51, 1_000, false));
    }

    @Test
    void crossGuardPullsQuotesBackInsideTheDisplayedBook() {
        // fair 70: raw 69/71; best ask 65 caps the bid at 64
        assertThat(SEED.quote(70, 0, 60, 65, 100)).isEqualTo(new Quote(64, 1_000, 71, 1_000, false));
        // best bid 75 lifts the ask to 76
        assertThat(SEED.quote(70, 0, 75, 80, 100)).isEqualTo(new Quote(69, 1_000, 76, 1_000, false));
        // an empty side guards nothing
        assertThat(SEED.quote(70, 0, 0, 0, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, false));
        // no bid fits below an ask at 1 tick, no ask above a bid at 99
        assertThat(SEED.quote(3, 0, 0, 1, 100)).isEqualTo(new Quote(0, 0, 4, 1_000, false));
        assertThat(SEED.quote(97, 0, 99, 0, 100)).isEqualTo(new Quote(96, 1_000, 0, 0, false));
    }

    @Test
    void withoutCrossGuardAQuoteMayCrossTheBookAndPostOnlyIsPassedOn() {
        assertThat(PLAIN.quote(70, 0, 60, 65, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, false));
        QuoteRule postOnly = new QuoteRule(params("1", "0.1", false, true));
        assertThat(postOnly.quote(70, 0, 60, 65, 100)).isEqualTo(new Quote(69, 1_000, 71, 1_000, true));
    }

    @Test
    void tenthOfACentMarketsQuoteInTheirOwnTicks() {
        // 70.43¢ = 704.3 ticks → 704; 1¢ = 10 ticks; skew 0.1¢ × 15 contracts = 1.5¢ = 15 ticks
        assertThat(SEED.quote(70.43, 0, 0, 0, 1_000)).isEqualTo(new Quote(694, 1_000, 714, 1_000, false));
        assertThat(SEED.quote(70.43, 1_500, 0, 0, 1_000)).isEqualTo(new Quote(679, 1_000, 699, 1_000, false));
        // 999.9 ticks → 1000: the ask clamps to 999, the bid stays 10 ticks below the rounded fair
        assertThat(SEED.quote(99.99, 0, 0, 0, 1_000)).isEqualTo(new Quote(990, 1_000, 999, 1_000, false));
    }

    @Test
    void noFairNoQuote() {
        assertThat(SEED.quote(Double.NaN, 0, 60, 80, 100)).isEqualTo(Quote.NONE);
    }

    @Test
    void anUnchangedQuoteIsHandedBackAndAChangedOneIsNew() {
        Quote first = SEED.quote(70.4, 0, 60, 80, 100);
        Quote same = SEED.quote(70.4, 0, 60, 80, 100, first);
        Quote moved = SEED.quote(72.4, 0, 60, 80, 100, first);

        assertThat(same).isSameAs(first);
        assertThat(moved).isNotSameAs(first).isEqualTo(SEED.quote(72.4, 0, 60, 80, 100));
        assertThat(moved.bidPrice()).isEqualTo(first.bidPrice() + 2);
    }

    @Property(tries = 500)
    void quotesStayOnTheGridAndNeverCrossEachOther(
            @ForAll @DoubleRange(min = 0, max = 100) double fair,
            @ForAll @LongRange(min = -4_000, max = 4_000) long position,
            @ForAll @IntRange(min = 0, max = 500) int halfSpreadHundredths,
            @ForAll @IntRange(min = 0, max = 300) int skewHundredths,
            @ForAll @IntRange(min = 0, max = 99) int bestBid,
            @ForAll @IntRange(min = 0, max = 99) int bestAsk,
            @ForAll boolean crossGuard) {
        QuoteRule rule = new QuoteRule(new QuotingParams(BigDecimal.valueOf(halfSpreadHundredths, 2),
                BigDecimal.valueOf(skewHundredths, 2), 1_000, 4_000, crossGuard, false, 0, OptionalLong.empty()));
        Quote quote = rule.quote(fair, position, bestBid, bestAsk, 100);
        if (quote.quotesBid()) {
            assertThat(quote.bidPrice()).isBetween(1, 99);
            assertThat(quote.bidSize()).isLessThanOrEqualTo(Math.min(1_000, 4_000 - position));
            if (crossGuard && bestAsk > 0) {
                assertThat(quote.bidPrice()).isLessThan(bestAsk);
            }
        }
        if (quote.quotesAsk()) {
            assertThat(quote.askPrice()).isBetween(1, 99);
            assertThat(quote.askSize()).isLessThanOrEqualTo(Math.min(1_000, 4_000 + position));
            if (crossGuard && bestBid > 0) {
                assertThat(quote.askPrice()).isGreaterThan(bestBid);
            }
        }
        if (quote.quotesBid() && quote.quotesAsk()) {
            assertThat(quote.bidPrice()).isLessThan(quote.askPrice());
        }
    }

    /**
     * A rule hands out quotes it made before instead of allocating: after many quotes (the same slots met by
     * different fields), each answer still has exactly the fields a fresh rule gives, on both grids.
     */
    @Property(tries = 20)
    void quotesMadeBeforeAreHandedOutOnlyForTheSameFields(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        QuoteRule used = new QuoteRule(QuotingParams.SEED);
        for (int i = 0; i < 5_000; i++) {
            int maxTicks = random.nextBoolean() ? 100 : 1_000;
            long fair = random.nextLong(0, maxTicks + 1);
            long position = random.nextLong(-4_500, 4_500);
            int bestBid = random.nextInt(0, maxTicks);
            int bestAsk = random.nextInt(0, maxTicks);
            Quote quote = used.quoteAtTicks(fair, position, bestBid, bestAsk, maxTicks, Quote.NONE);
            assertThat(quote).isEqualTo(new QuoteRule(QuotingParams.SEED)
                    .quoteAtTicks(fair, position, bestBid, bestAsk, maxTicks, Quote.NONE));
        }
    }
}
