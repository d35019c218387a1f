package io.kbt.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each statistic on matrices small enough to work by hand (the working is in the comments). */
class HandWorkedStatisticsTest {
    @Test
    void setStatisticsOfFourDays() {
        // mean 50; deviations ±250, ±150 → variance 170000/3, sd 238.048; Sharpe 50/238.048·√252 = 3.33431.
        // Downside √((100² + 200²)/4) = 111.803 → Sortino 50/111.803·√252 = 7.09930. 2 of 4 days won.
        // P&L 200 µ$ over 4 contracts (400 hundredths) = 50 µ$ per contract.
        SetStatistics s = SetStatistics.of(new long[] {300, -100, 200, -200}, 400, 321);

        assertThat(s.meanMicros()).isEqualTo(50.0);
        assertThat(s.sdMicros()).isCloseTo(238.0476, within(1e-4));
        assertThat(s.sharpe()).isCloseTo(3.33431, within(1e-5));
        assertThat(s.sortino()).isCloseTo(7.09930, within(1e-5));
        assertThat(s.winShare()).isEqualTo(0.5);
        assertThat(s.pnlPerContractMicros()).isEqualTo(50.0);
        assertThat(s.maxDrawdownMicros()).isEqualTo(321);
    }

    @Test
    void aSetThatNeverLosesHasNoSortinoAndOneThatNeverTradesNoSharpe() {
        assertThat(SetStatistics.of(new long[] {1, 2, 3}, 10, 0).sortino()).isNaN();
        SetStatistics idle = SetStatistics.of(new long[] {0, 0, 0}, 0, 0);
        assertThat(idle.sharpe()).isNaN();
        assertThat(idle.pnlPerContractMicros()).isNaN();
    }

    @Test
    void pboIsOneWhenTheInSampleWinnerAlwaysLosesOutOfSample() {
        // S = 2: blocks {day 0, 1} and {day 2, 3}; two splits, each training on one block and testing on the other.
        // A: [4,2 | 1,3] → Sharpe 3/√2 = 2.121, then 2/√2 = 1.414. B: [1,3 | 3,5] → 1.414, then 4/√2 = 2.828.
        // Train block 0: A wins, tests worst → rank 1, ω = 1/3, λ = ln(1/2). Train block 1: B wins, tests worst too.
        Pbo overfit = Pbo.of(new long[][] {{4, 2, 1, 3}, {1, 3, 3, 5}}, 2);
        assertThat(overfit.combinations()).isEqualTo(2);
        assertThat(overfit.logits()).containsExactly(new double[] {Math.log(0.5), Math.log(0.5)}, within(1e-12));
        assertThat(overfit.probability()).isEqualTo(1.0);

        // A: [4,2 | 5,3] beats B: [1,3 | 1,3] in both blocks: rank 2, ω = 2/3, λ = ln 2 each time.
        Pbo robust = Pbo.of(new long[][] {{4, 2, 5, 3}, {1, 3, 1, 3}}, 2);
        assertThat(robust.logits()).containsExactly(new double[] {Math.log(2), Math.log(2)}, within(1e-12));
        assertThat(robust.probability()).isZero();
    }

    @Test
    void pboRefusesTooFewDaysOrAnOddSplit() {
        long[][] fiveDays = {{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}};
        assertThatThrownBy(() -> Pbo.of(fiveDays, 16)).hasMessageContaining("--pbo-splits 16 needs at least 16 days")
                .hasMessageContaining("has 5");
        assertThatThrownBy(() -> Pbo.of(fiveDays, 3)).hasMessageContaining("even");
    }

    @Test
    void walkForwardPicksOnTrainingDaysAndChainsTheTestDays() {
        // train=2, test=2 over 5 days: window 1 trains on days 0-1 (A 10 vs B 1 → A) and earns A's days 2-3 (−2);
        // window 2 trains on days 2-3 (A −2 vs B 14 → B) and earns B's day 4 (0). Out of sample: −1, −1, 0.
        long[][] pnl = {{5, 5, -1, -1, 9}, {0, 1, 7, 7, 0}};
        WalkForward wf = WalkForward.of(pnl, 2, 2, WalkForward.Criterion.PNL);

        assertThat(wf.windows()).containsExactly(new WalkForward.Window(0, 2, 2, 4, 0, -2),
                new WalkForward.Window(2, 4, 4, 5, 1, 0));
        assertThat(wf.outOfSample()).containsExactly(-1, -1, 0);
        assertThat(wf.totalMicros()).isEqualTo(-2);
        assertThatThrownBy(() -> WalkForward.of(pnl, 5, 1, WalkForward.Criterion.PNL))
                .hasMessageContaining("needs more than 5 days");
    }

    @Test
    void oneSetIsNotDeflated() {
        // With a single trial the expected maximum Sharpe ratio of luck is 0: DSR = Φ(SR·√(T−1)/√(1 − γ₃SR + …)).
        DeflatedSharpe dsr = DeflatedSharpe.of(new long[][] {{300, -100, 200, -200}});
        assertThat(dsr.expectedMaxSharpe()).isZero();
        assertThat(dsr.sharpe()).isCloseTo(50 / 238.0476, within(1e-6));
        assertThat(dsr.probability()).isBetween(0.5, 1.0);
    }
}
