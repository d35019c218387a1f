package io.kbt.engine.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Liquidity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FeeSchedulesTest {
    private static Market market(String series, TickSize tick) {
        return new Market(0, series + "-X", series + "-E", series, StrikeType.GREATER, 1, Double.NaN, "SPX", 0, 1,
                Result.UNKNOWN, tick);
    }

    private static final Market KXBTC = market("KXBTC", TickSize.CENT);
    private static final Market INXD = market("INXD", TickSize.CENT);
    private static final Market NASDAQ = market("NASDAQ100D", TickSize.CENT);

    @Test
    void standardChargesTakersSevenPercentOfPTimesOneMinusPRoundedUpToTheCent() {
        FeeSchedule fees = FeeSchedules.byName("standard");
        // 10 contracts at 50¢: 0.07 × 10 × 0.25 = $0.175 → $0.18.
        assertThat(fees.feeMicros(KXBTC, Liquidity.TAKER, 50, 1_000)).isEqualTo(180_000);
        // 1 contract at 1¢: 0.07 × 0.0099 = $0.000693 → 1¢.
        assertThat(fees.feeMicros(KXBTC, Liquidity.TAKER, 1, 100)).isEqualTo(10_000);
        // Exactly on a cent stays there: 100 contracts at 50¢ = $1.75.
        assertThat(fees.feeMicros(KXBTC, Liquidity.TAKER, 50, 10_000)).isEqualTo(1_750_000);
        assertThat(fees.feeMicros(KXBTC, Liquidity.MAKER, 50, 1_000)).isZero();
    }

    @Test
    void standardHalvesTheTakerRateForInxAndNasdaq100() {
        FeeSchedule fees = FeeSchedules.byName("standard");
        // 0.035 × 10 × 0.25 = $0.0875 → 9¢.
        assertThat(fees.feeMicros(INXD, Liquidity.TAKER, 50, 1_000)).isEqualTo(90_000);
        assertThat(fees.feeMicros(NASDAQ, Liquidity.TAKER, 50, 1_000)).isEqualTo(90_000);
    }

    @Test
    void standardMakerChargesMakersOnlyOnTheSeriesThatCarryMakerFees() {
        FeeSchedule fees = FeeSchedules.byName("standard-maker");
        // 5.52 contracts at 17¢: 0.0175 × 5.52 × 0.17 × 0.83 = $0.01363… → 2¢.
        assertThat(fees.feeMicros(market("KXFEDDECISION", TickSize.CENT), Liquidity.MAKER, 17, 552))
                .isEqualTo(20_000);
        assertThat(fees.feeMicros(market("KXCPI", TickSize.CENT), Liquidity.MAKER, 17, 552)).isEqualTo(20_000);
        // S&P 500, Nasdaq-100 and crypto series carry no maker fee: their makers stay free.
        assertThat(fees.feeMicros(INXD, Liquidity.MAKER, 17, 552)).isZero();
        assertThat(fees.feeMicros(market("KXINXU", TickSize.CENT), Liquidity.MAKER, 17, 552)).isZero();
        assertThat(fees.feeMicros(KXBTC, Liquidity.MAKER, 17, 552)).isZero();
        // Its taker rates are the standard ones.
        assertThat(fees.feeMicros(KXBTC, Liquidity.TAKER, 50, 1_000)).isEqualTo(180_000);
        assertThat(fees.feeMicros(market("KXINXU", TickSize.CENT), Liquidity.TAKER, 50, 1_000)).isEqualTo(90_000);
    }

    @Test
    void bothTickerGenerationsOfTheSAndPAndNasdaqSeriesPayTheReducedTakerRate() {
        FeeSchedule fees = FeeSchedules.byName("standard");
        // 10 contracts at 50¢: 0.035 × 10 × 0.25 = $0.0875 → 9¢, on every S&P 500 and Nasdaq-100 series.
        for (String series : List.of("INX", "INXD", "INXW", "INXU", "KXINX", "KXINXU", "KXINXW", "NASDAQ100",
                "NASDAQ100D", "NASDAQ100U", "KXNASDAQ100", "KXNASDAQ100U", "KXNASDAQ100W")) {
            assertThat(fees.feeMicros(market(series, TickSize.CENT), Liquidity.TAKER, 50, 1_000)).as(series)
                    .isEqualTo(90_000);
        }
        // A market without a series ticker takes it from its own ticker.
        Market bare = new Market(0, "KXINXU-25JAN02H1000-B5950", "KXINXU-25JAN02H1000", null, StrikeType.BETWEEN,
                5925, 5949.99, "SPX", 0, 1, Result.UNKNOWN, TickSize.CENT);
        assertThat(fees.feeMicros(bare, Liquidity.TAKER, 50, 1_000)).isEqualTo(90_000);
        // Other series that merely start with the same letters pay the general 0.07: $0.175 → 18¢.
        for (String series : List.of("INXBTC", "KXINXBTC", "NASDAQ1000", "KXBTC", "KXINDY500")) {
            assertThat(fees.feeMicros(market(series, TickSize.CENT), Liquidity.TAKER, 50, 1_000)).as(series)
                    .isEqualTo(180_000);
        }
    }

    @Test
    void subCentPricesAndFractionalCountsAreExact() {
        FeeSchedule fees = FeeSchedules.byName("taker=0.07");
        Market tenth = market("KXBTC", TickSize.TENTH_CENT);
        // 1.84 contracts at 45.5¢: 0.07 × 1.84 × 0.455 × 0.545 = $0.031940… → 4¢.
        assertThat(fees.feeMicros(tenth, Liquidity.TAKER, 455, 184)).isEqualTo(40_000);
    }

    @Test
    void noneChargesNothingAndCustomParsesBothRates() {
        assertThat(FeeSchedules.byName("none").feeMicros(KXBTC, Liquidity.TAKER, 50, 100_000)).isZero();
        FeeSchedule custom = FeeSchedules.byName("taker=0.1,maker=0.02");
        assertThat(custom.name()).isEqualTo("taker=0.1,maker=0.02");
        // 0.1 × 10 × 0.25 = 0.25; 0.02 × 10 × 0.25 = 0.05.
        assertThat(custom.feeMicros(INXD, Liquidity.TAKER, 50, 1_000)).isEqualTo(250_000);
        assertThat(custom.feeMicros(INXD, Liquidity.MAKER, 50, 1_000)).isEqualTo(50_000);
    }

    @Test
    void unknownNamesAreRejectedWithTheChoices() {
        assertThatThrownBy(() -> FeeSchedules.byName("cheap")).hasMessageContaining("standard-maker");
        assertThatThrownBy(() -> FeeSchedules.byName("maker=0.01")).hasMessageContaining("taker=RATE");
        assertThatThrownBy(() -> FeeSchedules.byName("taker=abc")).hasMessageContaining("abc");
    }

    @Property(tries = 200)
    void feeIsTheFormulaRoundedUpToTheCent(
            @ForAll @IntRange(min = 1, max = 99) int cents, @ForAll @LongRange(min = 1, max = 10_000_000) long count) {
        BigDecimal dollars = new BigDecimal("0.07").multiply(BigDecimal.valueOf(count).movePointLeft(2))
                .multiply(BigDecimal.valueOf(cents).movePointLeft(2))
                .multiply(BigDecimal.valueOf(100 - cents).movePointLeft(2));
        long expected = dollars.setScale(2, RoundingMode.CEILING).movePointRight(6).longValueExact();
        assertThat(FeeSchedules.standard().feeMicros(KXBTC, Liquidity.TAKER, cents, count)).isEqualTo(expected);
    }
}
