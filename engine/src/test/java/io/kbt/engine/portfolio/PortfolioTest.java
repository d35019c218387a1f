package io.kbt.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Liquidity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioTest {
    private static Instruments instruments(TickSize tick) {
        return new Instruments(List.of(new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD",
                StrikeType.BETWEEN, 4050, 4099.99, "SPX", 0, 1, Result.NO, tick)), List.of("SPX"));
    }

    @Test
    void aMakerBuyingFractionalContractsPaysExactlyPriceTimesCountPlusFee() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.CENT), FeeSchedules.byName("taker=0.07,maker=0.0175"));
        long fee = portfolio.fill(0, Action.BUY, 17, 552, Liquidity.MAKER);
        assertThat(portfolio.cashMicros()).isEqualTo(-938_400);
        assertThat(fee).isEqualTo(20_000);
        assertThat(portfolio.feesMicros()).isEqualTo(20_000);
        assertThat(portfolio.position(0)).isEqualTo(552);
        assertThat(portfolio.capitalMicros()).isEqualTo(938_400);
    }

    @Test
    void buyingNoCostsOneMinusThePriceAndSettlesAtOneDollarOnNo() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.CENT), FeeSchedules.byName("none"));
        portfolio.fill(0, Action.SELL, 30, 1_000, Liquidity.MAKER);
        assertThat(portfolio.cashMicros()).isEqualTo(-7_000_000);
        assertThat(portfolio.capitalMicros()).isEqualTo(7_000_000);
        assertThat(portfolio.settle(0, Result.NO)).isEqualTo(10_000_000);
        assertThat(portfolio.markedMicros()).isEqualTo(3_000_000);
        assertThat(portfolio.realizedMicros()).isEqualTo(3_000_000);
        assertThat(portfolio.position(0)).isZero();
        assertThat(portfolio.peakCapitalMicros()).isEqualTo(7_000_000);
    }

    @Test
    void realizedUsesAverageCostAndClosingReleasesCollateral() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.CENT), FeeSchedules.byName("none"));
        portfolio.fill(0, Action.BUY, 40, 100, Liquidity.MAKER);
        portfolio.fill(0, Action.BUY, 50, 200, Liquidity.MAKER);
        // Average cost (40 + 2 × 50) / 3 = 46.67¢; selling 1 at 60 realizes 60 − 46.67 = 13.33¢ (floored basis).
        portfolio.fill(0, Action.SELL, 60, 100, Liquidity.MAKER);
        assertThat(portfolio.realizedMicros()).isEqualTo(600_000 - 466_666);
        assertThat(portfolio.capitalMicros()).isEqualTo(1_400_000 - 466_666);
        assertThat(portfolio.peakCapitalMicros()).isEqualTo(1_400_000);
        // Selling 3 more closes the remaining 2 yes and opens 1 no at 40¢.
        portfolio.fill(0, Action.SELL, 60, 300, Liquidity.MAKER);
        assertThat(portfolio.position(0)).isEqualTo(-100);
        assertThat(portfolio.realizedMicros()).isEqualTo(3 * 600_000 - 1_400_000);
        assertThat(portfolio.capitalMicros()).isEqualTo(400_000);
    }

    @Test
    void marksAtTheExactMidAndKeepsTheLastMidWhenASideEmpties() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.TENTH_CENT), FeeSchedules.byName("none"));
        portfolio.fill(0, Action.BUY, 455, 184, Liquidity.MAKER);
        assertThat(portfolio.markedMicros()).isZero();
        portfolio.mark(0, 460, 465);
        // mid 46.25¢ (462.5 ticks of 0.1¢) on 1.84 contracts: 0.851 − 0.8372 = $0.0138.
        assertThat(portfolio.markedMicros()).isEqualTo(184 * 462_500 / 100 - 184 * 455_000 / 100);
        portfolio.mark(0, 460, 0);
        assertThat(portfolio.markedMicros()).isEqualTo(13_800);
    }

    @Test
    void anUnknownResultLeavesThePositionOpenAtItsMark() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.CENT), FeeSchedules.byName("none"));
        portfolio.fill(0, Action.BUY, 40, 100, Liquidity.MAKER);
        portfolio.mark(0, 44, 46);
        assertThat(portfolio.settle(0, Result.UNKNOWN)).isZero();
        assertThat(portfolio.position(0)).isEqualTo(100);
        assertThat(portfolio.markedMicros()).isEqualTo(50_000);
    }

    @Test
    void withOneSideEmptyTheMarkFollowsTheSideLeftInsteadOfFreezing() {
        Portfolio portfolio = new Portfolio(instruments(TickSize.CENT), FeeSchedules.byName("none"));
        portfolio.fill(0, Action.BUY, 50, 100, Liquidity.MAKER);
        portfolio.mark(0, 50, 55);
        // Mid 52.5¢: long 1 yes bought at 50¢ is worth +2.5¢.
        assertThat(portfolio.markedMicros()).isEqualTo(25_000);
        // The asks are gone and yes bids stand at 97¢: the contract is worth at least that.
        portfolio.mark(0, 97, 0);
        assertThat(portfolio.markedMicros()).isEqualTo(470_000);
        // Bids below the last mark leave it where it was: nothing says it fell.
        portfolio.mark(0, 60, 0);
        assertThat(portfolio.markedMicros()).isEqualTo(470_000);
        // Only asks, at 3¢: it is worth at most that.
        portfolio.mark(0, 0, 3);
        assertThat(portfolio.markedMicros()).isEqualTo(-470_000);
        // An empty book keeps the last mark.
        portfolio.mark(0, 0, 0);
        assertThat(portfolio.markedMicros()).isEqualTo(-470_000);
    }
}
