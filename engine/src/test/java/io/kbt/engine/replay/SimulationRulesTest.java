package io.kbt.engine.replay;

import static io.kbt.engine.replay.Scenario.ask;
import static io.kbt.engine.replay.Scenario.bid;
import static io.kbt.engine.replay.Scenario.c;
import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Settlement;
import io.kbt.engine.run.SettlementSource;
import io.kbt.engine.strategy.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One hand-made event sequence per rule of DESIGN.md "Simulation semantics". */
class SimulationRulesTest {
    /** 5 contracts bid at 50 ahead of us; asks at 55 (no bids at 45). */
    private static Scenario fiveAheadAt50(String queue) {
        return new Scenario().queue(queue)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(50, 10));
    }

    private static List<Fill> fills(Scenario scenario) {
        Recording recording = new Recording();
        scenario.run(recording);
        return recording.fills;
    }

    @Test
    void riskAverseFillsOnlyWhatATradePassesBeyondTheQueueAhead() {
        List<Fill> fills = fills(fiveAheadAt50("risk-averse").trade(2, 50, 8, BookSide.NO));
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(c(3));
            assertThat(f.price()).isEqualTo(50);
            assertThat(f.action()).isEqualTo(Action.BUY);
            assertThat(f.rule()).isEqualTo(FillRule.QUEUE);
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        });
    }

    @Test
    void optimisticPutsUsAtTheFrontOfTheQueue() {
        List<Fill> fills = fills(fiveAheadAt50("optimistic").trade(2, 50, 8, BookSide.NO));
        assertThat(fills).extracting(Fill::count).containsExactly(c(8));
    }

    @Test
    void riskAverseQueueShrinksWithCancelsOnlyDownToTheDisplayedSize() {
        // The level drops to 2 by cancels: at most 2 can still be ahead; a trade of 4 then fills 2 of ours.
        List<Fill> fills = fills(fiveAheadAt50("risk-averse")
                .delta(2, BookSide.YES, 50, -3)
                .trade(3, 50, 4, BookSide.NO));
        assertThat(fills).extracting(Fill::count).containsExactly(c(2));
    }

    @Test
    void tradeThroughOurPriceFillsUsBeforeAnyoneBehindTheBetterPrice() {
        // We bid 51 above the 5 displayed at 50; a taker sells 4 at 50: all 4 are ours, by price priority.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 4, BookSide.NO));
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(c(4));
            assertThat(f.price()).isEqualTo(51);
            assertThat(f.rule()).isEqualTo(FillRule.TRADE_THROUGH);
        });
    }

    @Test
    void aFillNeverExceedsTheTradeCountNorOurSize() {
        List<Fill> small = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 2.5, BookSide.NO));
        assertThat(small).extracting(Fill::count).containsExactly(c(2.5));
        List<Fill> big = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 30, BookSide.NO));
        assertThat(big).extracting(Fill::count).containsExactly(c(10));
    }

    @Test
    void takerBuyingYesFillsOurAskBelowThenAtThePrice() {
        List<Fill> through = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(54, 3))
                .trade(2, 55, 10, BookSide.YES));
        assertThat(through).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.SELL);
            assertThat(f.price()).isEqualTo(54);
            assertThat(f.count()).isEqualTo(c(3));
            assertThat(f.rule()).isEqualTo(FillRule.TRADE_THROUGH);
        });
        // At 55 we are behind the 5 displayed (no bids at 45): a taker buying 6 fills 1 of ours.
        List<Fill> queued = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(55, 3))
                .trade(2, 55, 6, BookSide.YES));
        assertThat(queued).extracting(Fill::count).containsExactly(c(1));
        // A taker selling yes never fills our ask.
        assertThat(fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(55, 3))
                .trade(2, 50, 6, BookSide.NO))).isEmpty();
    }

    @Test
    void resendingTheSameQuoteKeepsQueuePlace() {
        // Trade of 4 leaves 1 ahead; the unchanged quote keeps that place, so a trade of 3 fills 2.
        List<Fill> fills = fills(fiveAheadAt50("risk-averse")
                .trade(2, 50, 4, BookSide.NO)
                .quote(2, bid(50, 10))
                .trade(3, 50, 3, BookSide.NO));
        assertThat(fills).extracting(Fill::count).containsExactly(c(2));
    }

    @Test
    void movingTheQuoteAwayAndBackLosesQueuePlace() {
        // After moving to 49 and back, we rejoin behind the 5 still displayed: a trade of 3 fills nothing.
        List<Fill> fills = fills(fiveAheadAt50("risk-averse")
                .trade(2, 50, 4, BookSide.NO)
                .quote(2, bid(49, 10))
                .quote(3, bid(50, 10))
                .index(3, 4000)
                .trade(4, 50, 3, BookSide.NO));
        assertThat(fills).isEmpty();
    }

    @Test
    void decreasingSizeKeepsQueuePlaceButIncreasingLosesIt() {
        List<Fill> decreased = fills(fiveAheadAt50("risk-averse")
                .trade(2, 50, 4, BookSide.NO)
                .quote(2, bid(50, 6))
                .trade(3, 50, 3, BookSide.NO));
        assertThat(decreased).extracting(Fill::count).containsExactly(c(2));
        List<Fill> increased = fills(fiveAheadAt50("risk-averse")
                .trade(2, 50, 4, BookSide.NO)
                .quote(2, bid(50, 12))
                .trade(3, 50, 3, BookSide.NO));
        assertThat(increased).isEmpty();
    }

    @Test
    void marketableOrderTakesDisplayedLiquidityAtRestingPricesAndRestsTheRest() {
        // Asks: 2 at 55 and 3 at 56. A bid of 10 at 57 takes both levels, pays the taker fee, rests 5 at 57.
        Recording recording = new Recording();
        RunResult result = new Scenario().fees("standard")
                .snapshot(1, new double[] {50, 5}, new double[] {45, 2, 44, 3})
                .quote(1, bid(57, 10))
                .trade(2, 56, 5, BookSide.NO)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::price, Fill::count, Fill::liquidity, Fill::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(55, c(2), Liquidity.TAKER, FillRule.TAKE),
                org.assertj.core.groups.Tuple.tuple(56, c(3), Liquidity.TAKER, FillRule.TAKE),
                org.assertj.core.groups.Tuple.tuple(57, c(5), Liquidity.MAKER, FillRule.TRADE_THROUGH));
        // INX taker rate 0.035: 2 × 0.55 × 0.45 × 0.035 = 0.017 → 2¢; 3 × 0.56 × 0.44 × 0.035 = 0.0259 → 3¢.
        assertThat(recording.fills).extracting(Fill::feeMicros).containsExactly(20_000L, 30_000L, 0L);
        assertThat(result.feesMicros()).isEqualTo(50_000);
    }

    @Test
    void theSameDisplayedAskCannotBeTakenTwiceOnlyNewLiquidityFillsAgain() {
        Recording recording = new Recording();
        new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(55, 5))
                .quote(2, Quote.NONE)
                .index(2, 4000)
                .quote(3, bid(55, 5))
                .index(3, 4000)
                // One more contract joins the level: only it is new, and it crosses our resting bid, filling 1.
                .delta(4, BookSide.NO, 45, 1)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::ts, Fill::count, Fill::liquidity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, c(5), Liquidity.TAKER),
                org.assertj.core.groups.Tuple.tuple(4L, c(1), Liquidity.MAKER));
    }

    @Test
    void aDeltaCrossingOurRestingBidFillsUsAsMakerAtOurPrice() {
        // Our bid of 10 rests at 53 under the ask at 55; a new no bid of 4 at 48 (yes ask 52) crosses it.
        Recording recording = new Recording();
        RunResult result = new Scenario().fees("standard")
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(53, 10))
                .delta(2, BookSide.NO, 48, 4)
                .run(recording);
        assertThat(recording.fills).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.BUY);
            assertThat(f.price()).isEqualTo(53);
            assertThat(f.count()).isEqualTo(c(4));
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.rule()).isEqualTo(FillRule.CROSSED_BY_DATA);
            assertThat(f.feeMicros()).isZero();
            assertThat(f.ts()).isEqualTo(2);
        });
        assertThat(result.feesMicros()).isZero();
    }

    @Test
    void aDeltaCrossingOurRestingAskFillsUsAsMakerAtOurPrice() {
        // Our ask of 3 rests at 53 over the bid at 50; a new yes bid of 7 at 54 crosses it: we sell 3 at 53.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(53, 3))
                .delta(2, BookSide.YES, 54, 7));
        assertThat(fills).extracting(Fill::action, Fill::price, Fill::count, Fill::liquidity, Fill::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Action.SELL, 53, c(3), Liquidity.MAKER, FillRule.CROSSED_BY_DATA));
    }

    @Test
    void aSnapshotCrossingOurRestingAskFillsUsAsMakerAtOurPrice() {
        // Our ask of 10 rests at 53; a new snapshot shows yes bids of 2 at 55 and 4 at 54 (and 5 at 50): we sell
        // the 6 that cross, at 53.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(53, 10))
                .snapshot(2, new double[] {50, 5, 54, 4, 55, 2}, new double[] {40, 5}));
        assertThat(fills).extracting(Fill::action, Fill::price, Fill::count, Fill::liquidity, Fill::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Action.SELL, 53, c(6), Liquidity.MAKER, FillRule.CROSSED_BY_DATA));
    }

    @Test
    void aCrossingFillIsCappedByTheCrossingQuantityAcrossLevelsAndByThePositionLimit() {
        // No bids of 2 at 48 and 3 at 47 cross our bid at 53 (yes asks 52 and 53); the 5 at 45 (ask 55) do not.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(53, 10))
                .delta(2, BookSide.NO, 47, 3)
                .delta(3, BookSide.NO, 48, 2));
        assertThat(fills).extracting(Fill::ts, Fill::price, Fill::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 53, c(3)),
                org.assertj.core.groups.Tuple.tuple(3L, 53, c(2)));
        List<Fill> limited = fills(new Scenario().positionLimit(2)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(53, 10))
                .delta(2, BookSide.NO, 48, 4));
        assertThat(limited).extracting(Fill::count).containsExactly(c(2));
    }

    @Test
    void theSameCrossingContractsCannotFillUsTwiceOnlyAnIncreaseIsNewLiquidity() {
        // 4 cross our bid of 10 at 53 and fill 4. Deltas at other levels leave those 4 shadowed; one more contract
        // at their level is new liquidity: the level shows 5, of which 4 are still ours, so 1 more fills.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(53, 10))
                .delta(2, BookSide.NO, 48, 4)
                .delta(3, BookSide.NO, 45, 1)
                .delta(4, BookSide.YES, 50, 1)
                .delta(5, BookSide.NO, 48, 1));
        assertThat(fills).extracting(Fill::ts, Fill::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, c(4)),
                org.assertj.core.groups.Tuple.tuple(5L, c(1)));
    }

    // ---- what we took stays taken (issue 12, defect 1) ----

    @Test
    void aDecreaseOfATakenLevelSellsUsNothingAgain() {
        // The ask shows 5 at 55; we bid 10 at 55: take 5, rest 5. One contract at 55 is then cancelled: the level
        // holds 4, all of them already ours, so nothing fills (9 bought from 5 would be the old bug).
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(55, 10))
                .delta(2, BookSide.NO, 45, -1));
        assertThat(fills).extracting(Fill::count, Fill::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(c(5), FillRule.TAKE));
        // Then 3 new contracts join: 7 shown, 4 of them ours, so 3 are new and trade with our resting bid.
        List<Fill> grown = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(55, 10))
                .delta(2, BookSide.NO, 45, -1)
                .delta(3, BookSide.NO, 45, 3));
        assertThat(grown).extracting(Fill::ts, Fill::count, Fill::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, c(5), FillRule.TAKE),
                org.assertj.core.groups.Tuple.tuple(3L, c(3), FillRule.CROSSED_BY_DATA));
    }

    @Test
    void anIdenticalSnapshotSellsUsNothingAgain() {
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(55, 10))
                .snapshot(2, new double[] {50, 5}, new double[] {45, 5}));
        assertThat(fills).extracting(Fill::count).containsExactly(c(5));
    }

    @Test
    void aCancelAtALevelThatCrossedOurPostOnlyBidFillsNothingMore() {
        // 3 contracts cross our post-only bid of 10 at 53 and fill 3; one of them is cancelled: 2 left, both ours.
        List<Fill> fills = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, new Quote(53, c(10), 0, 0, true))
                .delta(2, BookSide.NO, 48, 3)
                .delta(3, BookSide.NO, 48, -1));
        assertThat(fills).extracting(Fill::count).containsExactly(c(3));
    }

    // ---- no look-ahead (defect 2) ----

    @Test
    void theStrategySeesNoResultBeforeSettlementAndOnlyAReadOnlyBook() {
        List<Object> seen = new java.util.ArrayList<>();
        Scenario scenario = new Scenario().result(Result.NO)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .index(2, 4080);
        io.kbt.engine.strategy.Strategy peeking = new io.kbt.engine.strategy.Strategy() {
            @Override
            public void onStart(io.kbt.engine.strategy.StrategyContext context) {
                seen.add(context.instruments().market(0).result());
            }

            @Override
            public void onBatch(io.kbt.engine.strategy.StrategyContext context) {
                seen.add(context.instruments().market(0).result());
                seen.add((Object) context.book(0) instanceof io.kbt.engine.book.KalshiBook);
            }

            @Override
            public void onSettlement(io.kbt.engine.strategy.StrategyContext context, Settlement settlement) {
                seen.add(settlement.result());
            }
        };
        Replay.run(scenario.instruments(), new io.kbt.engine.event.ListEventSource(scenario.events()), peeking,
                ReplayConfig.defaults(), io.kbt.engine.run.RunListener.NONE);
        // onStart, two batches (ts 1, 2), the settlement, then the close's own batch.
        assertThat(seen).containsExactly(Result.UNKNOWN, Result.UNKNOWN, false, Result.UNKNOWN, false, Result.NO,
                Result.UNKNOWN, false);
        // The book view follows the data.
        io.kbt.engine.strategy.BookView[] view = new io.kbt.engine.strategy.BookView[1];
        int[] best = new int[2];
        Scenario moving = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .delta(2, BookSide.YES, 52, 1)
                .at(1, ctx -> view[0] = ctx.book(0))
                .at(2, ctx -> {
                    best[0] = view[0].bestYesBid();
                    best[1] = view[0].bestYesAsk();
                });
        moving.run(new Recording());
        assertThat(best).containsExactly(52, 55);
    }

    // ---- the order manager compares with what still rests (defect 4) ----

    @Test
    void afterAPartialFillResendingTheOriginalSizeRestsThatSizeAgain() {
        // 6 of our 10 at 51 fill; re-sending 10 means 10 should rest: a new order of 10, so a big trade fills 10.
        Recording recording = new Recording();
        RunResult result = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 6, BookSide.NO)
                .quote(2, bid(51, 10))
                .trade(3, 50, 30, BookSide.NO)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::count).containsExactly(c(6), c(10));
        assertThat(result.ordersSent()).isEqualTo(2);
        assertThat(result.cancelsSent()).isEqualTo(1);
        // Asking for 5 with 4 left rests 5 (not nothing).
        List<Fill> five = fills(new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 6, BookSide.NO)
                .quote(2, bid(51, 5))
                .trade(3, 50, 30, BookSide.NO));
        assertThat(five).extracting(Fill::count).containsExactly(c(6), c(5));
    }

    @Test
    void afterAPartialFillTheRemainingSizeKeepsItsPlaceAndASmallerOneToo() {
        // 5 ahead of our 10 at 50; a trade of 8 fills 3 and leaves us first. Re-sending what rests (7) keeps the
        // place, and so does a decrease to 5: the next trade of 2 fills 2. Re-sending 10 would start at the back.
        java.util.function.Function<Double, List<Fill>> requote = size -> fills(fiveAheadAt50("risk-averse")
                .trade(2, 50, 8, BookSide.NO)
                .quote(2, bid(50, size))
                .trade(3, 50, 2, BookSide.NO));
        assertThat(requote.apply(7.0)).extracting(Fill::count).containsExactly(c(3), c(2));
        assertThat(requote.apply(5.0)).extracting(Fill::count).containsExactly(c(3), c(2));
        assertThat(requote.apply(10.0)).extracting(Fill::count).containsExactly(c(3));
    }

    // ---- a position-capped take leaves nothing resting across the book (defect 5) ----

    @Test
    void aTakeTheLimitCutsShortCancelsTheRestSoOldLiquidityNeverFillsUsAsMaker() {
        // Asks 2 at 55 and 3 at 56; limit 3: a bid of 10 at 57 takes 2 at 55 and 1 at 56, and the rest is
        // cancelled. Our ask at 60 then sells 3, freeing room; a later delta at the ask side fills nothing as maker.
        // Re-sending the bid takes the 2 still displayed at 56 again as taker, paying the taker fee.
        Recording recording = new Recording();
        new Scenario().fees("standard").positionLimit(3)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 2, 44, 3})
                .quote(1, new Quote(57, c(10), 60, c(3), false))
                .trade(2, 61, 3, BookSide.YES)
                .delta(3, BookSide.NO, 43, 1)
                .quote(4, new Quote(57, c(10), 0, 0, false))
                .index(4, 4000)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::ts, Fill::action, Fill::price, Fill::count, Fill::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Action.BUY, 55, c(2), FillRule.TAKE),
                        org.assertj.core.groups.Tuple.tuple(1L, Action.BUY, 56, c(1), FillRule.TAKE),
                        org.assertj.core.groups.Tuple.tuple(2L, Action.SELL, 60, c(3), FillRule.TRADE_THROUGH),
                        org.assertj.core.groups.Tuple.tuple(4L, Action.BUY, 56, c(2), FillRule.TAKE),
                        org.assertj.core.groups.Tuple.tuple(4L, Action.BUY, 57, c(1), FillRule.TAKE));
        assertThat(recording.fills).filteredOn(f -> f.rule() == FillRule.TAKE)
                .allSatisfy(f -> assertThat(f.feeMicros()).isPositive());
        assertThat(recording.samples).filteredOn(x -> x.ts() == 1).last()
                .satisfies(x -> assertThat(x.ourBid()).isZero());
    }

    @Test
    void aCrossingFillTheLimitCutsShortCancelsTheRest() {
        // Limit 2: 4 cross our bid of 10 at 53, 2 fill; the rest is cancelled, so after our ask sells 2 a delta
        // adding elsewhere does not fill the old crossing contracts.
        List<Fill> fills = fills(new Scenario().positionLimit(2)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, new Quote(53, c(10), 60, c(2), false))
                .delta(2, BookSide.NO, 48, 4)
                .trade(3, 61, 2, BookSide.YES)
                .delta(4, BookSide.NO, 44, 1));
        assertThat(fills).extracting(Fill::ts, Fill::count, Fill::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, c(2), FillRule.CROSSED_BY_DATA),
                org.assertj.core.groups.Tuple.tuple(3L, c(2), FillRule.TRADE_THROUGH));
    }

    // ---- a trade and its delta, in either order (defect 6) ----

    @Test
    void aTradeAndTheDeltaItCausedAdvanceTheQueueOnceWhateverTheirOrder() {
        // 10 ahead of our bid at 50. Twice a trade of 4 at 50 with the delta of −4 it caused, in both orders:
        // the 8 traded came from the 10 ahead, so nothing reaches us (risk-averse and prob alike).
        for (String queue : List.of("risk-averse", "prob", "optimistic")) {
            java.util.function.BiFunction<Boolean, Boolean, List<List<Object>>> run = (tradeFirst, perEvent) -> {
                Scenario s = new Scenario().queue(queue)
                        .snapshot(1, new double[] {50, 10}, new double[] {45, 5})
                        .quote(1, bid(50, 10));
                for (long ts = 2; ts <= 3; ts++) {
                    if (tradeFirst) {
                        s.trade(ts, 50, 4, BookSide.NO).delta(ts, BookSide.YES, 50, -4);
                    } else {
                        s.delta(ts, BookSide.YES, 50, -4).trade(ts, 50, 4, BookSide.NO);
                    }
                }
                s.trade(4, 50, 1, BookSide.NO).delta(4, BookSide.YES, 50, -1);
                return fills(perEvent ? s.reactPerEvent() : s).stream()
                        .map(f -> List.<Object>of(f.ts(), f.count(), f.rule())).toList();
            };
            List<List<Object>> tradeFirst = run.apply(true, false);
            assertThat(run.apply(false, false)).as(queue).isEqualTo(tradeFirst);
            assertThat(run.apply(false, true)).as(queue + " per event").isEqualTo(run.apply(true, true));
            if (!queue.equals("optimistic")) {
                // 9 of the 10 ahead traded: the last trade of 1 still meets the 10th.
                assertThat(tradeFirst).as(queue).isEmpty();
            } else {
                assertThat(tradeFirst).extracting(f -> f.get(1)).containsExactly(c(4), c(4), c(1));
            }
        }
    }

    @Test
    void aBatchsTradesFillAfterItsBookEventsSoTheirOrderDoesNotMatter() {
        // Limit 4. In one batch a delta crosses our bid at 53 with 3 contracts and a trade at 52 would fill our bid
        // through: the crossing fills first either way (3), the trade the 1 left of the room.
        for (boolean tradeFirst : List.of(true, false)) {
            Scenario s = new Scenario().positionLimit(4)
                    .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                    .quote(1, bid(53, 10));
            if (tradeFirst) {
                s.trade(2, 52, 5, BookSide.NO).delta(2, BookSide.NO, 48, 3);
            } else {
                s.delta(2, BookSide.NO, 48, 3).trade(2, 52, 5, BookSide.NO);
            }
            assertThat(fills(s)).extracting(Fill::count, Fill::rule).as("trade first: " + tradeFirst).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(c(3), FillRule.CROSSED_BY_DATA),
                    org.assertj.core.groups.Tuple.tuple(c(1), FillRule.TRADE_THROUGH));
        }
    }

    // ---- a crossed data book ----

    @Test
    void aBookTheDataShowsCrossedFillsNothingUntilItIsConsistentAgain() {
        // Our ask of 3 rests at 53. A yes bid of 2 at 56 arrives while the data still shows the ask at 55: the data
        // book is crossed (56 ≥ 55), so the crossing is counted, not filled. Once the stale ask goes, the book is
        // consistent and the yes bid at 56 trades with our ask: 2 fill.
        Recording recording = new Recording();
        RunResult result = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(53, 3))
                .delta(2, BookSide.YES, 56, 2)
                .delta(3, BookSide.NO, 45, -5)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::ts, Fill::count, Fill::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, c(2), FillRule.CROSSED_BY_DATA));
        assertThat(result.anomalies().crossedBooks()).isEqualTo(1);
        assertThat(result.anomalies().crossedFillsSkipped()).isEqualTo(1);
        assertThat(result.anomalies().warnings()).anySatisfy(w -> assertThat(w).contains("crossed 1 time"));
    }

    // ---- a market without trades ----

    @Test
    void aMarketWithoutAnyTradeIsNamedInTheWarnings() {
        RunResult quiet = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .delta(2, BookSide.YES, 50, 1)
                .run(new Recording());
        assertThat(quiet.anomalies().marketsWithoutTrades()).containsExactly("INXD-23APR10-B4075");
        assertThat(quiet.anomalies().warnings()).singleElement()
                .satisfies(w -> assertThat(w).contains("no trades at all (INXD-23APR10-B4075)"));
        RunResult traded = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .trade(2, 50, 1, BookSide.NO)
                .run(new Recording());
        assertThat(traded.anomalies().marketsWithoutTrades()).isEmpty();
        assertThat(traded.anomalies().warnings()).isEmpty();
    }

    @Test
    void aPostOnlyRestingOrderCrossedByDataFillsAsMakerInsteadOfBeingRejected() {
        Recording recording = new Recording();
        RunResult result = new Scenario().fees("standard")
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, new Quote(53, c(5), 0, 0, true))
                .delta(2, BookSide.NO, 48, 2)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::price, Fill::count, Fill::liquidity, Fill::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        53, c(2), Liquidity.MAKER, FillRule.CROSSED_BY_DATA));
        assertThat(result.feesMicros()).isZero();
        // The rest of the post-only bid still rests at 53.
        assertThat(recording.samples).filteredOn(x -> x.ts() == 2).last()
                .satisfies(x -> assertThat(x.ourBid()).isEqualTo(53));
    }

    @Test
    void postOnlyRejectsASideThatWouldTake() {
        Recording recording = new Recording();
        RunResult result = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, new Quote(55, c(5), 60, c(5), true))
                .trade(2, 55, 20, BookSide.YES)
                .trade(2, 50, 20, BookSide.NO)
                .run(recording);
        // The bid at 55 would take the ask at 55: rejected; the ask at 60 rests but nobody trades there.
        assertThat(recording.fills).isEmpty();
        assertThat(result.ordersSent()).isEqualTo(2);
        assertThat(recording.samples).extracting(s -> s.ourBid()).containsOnly(0);
        assertThat(recording.samples).extracting(s -> s.ourAsk()).contains(60);
    }

    @Test
    void positionLimitCapsAFill() {
        Recording recording = new Recording();
        RunResult result = new Scenario().positionLimit(3)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 10))
                .trade(2, 50, 8, BookSide.NO)
                .trade(3, 50, 8, BookSide.NO)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::count).containsExactly(c(3));
        assertThat(result.maxAbsPosition()).isEqualTo(c(3));
    }

    @Test
    void longNoSettlesAtOneDollarWhenTheResultIsNo() {
        Recording recording = new Recording();
        RunResult result = new Scenario().result(Result.NO)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, ask(54, 2))
                .trade(2, 55, 2, BookSide.YES)
                .run(recording);
        // Sold 2 yes at 54 = bought 2 no at 46: paid $0.92, collect $2.00 at settlement.
        assertThat(recording.fills).extracting(Fill::positionAfter).containsExactly(-c(2));
        assertThat(recording.settlements).singleElement().satisfies(s -> {
            assertThat(s.result()).isEqualTo(Result.NO);
            assertThat(s.position()).isEqualTo(-c(2));
            assertThat(s.payoutMicros()).isEqualTo(2_000_000);
            assertThat(s.source()).isEqualTo(SettlementSource.RECORDED);
            assertThat(s.ts()).isEqualTo(Scenario.CLOSE);
        });
        assertThat(result.pnlMicros()).isEqualTo(2_000_000 - 920_000);
        assertThat(result.peakCapitalMicros()).isEqualTo(920_000);
        assertThat(result.markets().get(0).finalPosition()).as("held into settlement").isEqualTo(-c(2));
    }

    @Test
    void withoutARecordedResultTheIndexLastTickBeforeCloseSettles() {
        Recording recording = new Recording();
        RunResult result = new Scenario().result(Result.UNKNOWN)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 1))
                .trade(2, 50, 1, BookSide.NO)
                .index(3, 4080)
                .index(Scenario.CLOSE, 4075.5)
                .index(Scenario.CLOSE + 1, 4200)
                .run(recording);
        assertThat(recording.settlements).singleElement().satisfies(s -> {
            assertThat(s.result()).isEqualTo(Result.YES);
            assertThat(s.source()).isEqualTo(SettlementSource.INDEX);
            assertThat(s.payoutMicros()).isEqualTo(1_000_000);
        });
        assertThat(result.markets().get(0).result()).isEqualTo(Result.YES);
    }

    @Test
    void aRecordedResultWinsOverADisagreeingIndex() {
        Recording recording = new Recording();
        new Scenario().result(Result.NO)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .index(2, 4080)
                .run(recording);
        assertThat(recording.settlements).extracting(Settlement::result, Settlement::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Result.NO, SettlementSource.RECORDED));
    }

    @Test
    void withNeitherResultNorIndexThePositionStaysAtItsMid() {
        Recording recording = new Recording();
        RunResult result = new Scenario().result(Result.UNKNOWN)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 1))
                .trade(2, 50, 1, BookSide.NO)
                .run(recording);
        assertThat(recording.settlements).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(SettlementSource.NONE);
            assertThat(s.payoutMicros()).isZero();
        });
        // Bought 1 at 51, mid (50 + 55) / 2 = 52.5¢.
        assertThat(result.pnlMicros()).isEqualTo(525_000 - 510_000);
        assertThat(result.markets().get(0).finalPosition()).isEqualTo(c(1));
    }

    @Test
    void ordersAreCancelledAtCloseAndLaterDataFillsNothing() {
        Recording recording = new Recording();
        RunResult result = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 1))
                .trade(Scenario.CLOSE + 5, 50, 1, BookSide.NO)
                .run(recording);
        assertThat(recording.fills).isEmpty();
        assertThat(result.cancelsSent()).isEqualTo(1);
    }

    @Test
    void dataAtTheCloseTimeComesBeforeTheClose() {
        Recording recording = new Recording();
        new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 1))
                .trade(Scenario.CLOSE, 50, 1, BookSide.NO)
                .run(recording);
        assertThat(recording.fills).extracting(Fill::count).containsExactly(c(1));
        assertThat(recording.settlements).extracting(Settlement::position).containsExactly(c(1));
    }

    @Test
    void clampedLevelsAndCrossedBooksAreReportedInTheResult() {
        RunResult result = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .delta(2, BookSide.YES, 50, -7)
                .delta(3, BookSide.YES, 56, 1)
                .run(new Recording());
        assertThat(result.anomalies().clampedLevels()).isEqualTo(1);
        assertThat(result.anomalies().crossedBooks()).isEqualTo(1);
    }

    @Test
    void aCloseAlreadyInTheDataSettlesOnceAtItsOwnTime() {
        Scenario scenario = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 1))
                .trade(2, 50, 1, BookSide.NO);
        scenario.events().add(new io.kbt.engine.event.MarketClose(3, 99, 0));
        scenario.trade(4, 50, 1, BookSide.NO);
        Recording recording = new Recording();
        scenario.run(recording);
        assertThat(recording.settlements).extracting(Settlement::ts, Settlement::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, c(1)));
        assertThat(recording.fills).hasSize(1);
    }

    @Test
    void aCloseInTheDataComesAfterTheTradesOfItsTimestampWhateverTheirOrder() {
        // A trade at 50 passes our bid at 51 at ts 3, and the data closes the market at ts 3, before or after the
        // trade: the close comes after all data of its timestamp, so the trade fills 1 and the position settles.
        for (boolean closeFirst : List.of(false, true)) {
            Scenario scenario = new Scenario()
                    .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                    .quote(1, bid(51, 1));
            if (closeFirst) {
                scenario.events().add(new io.kbt.engine.event.MarketClose(3, 2, 0));
            }
            scenario.trade(3, 50, 1, BookSide.NO);
            if (!closeFirst) {
                scenario.events().add(new io.kbt.engine.event.MarketClose(3, 99, 0));
            }
            Recording recording = new Recording();
            scenario.run(recording);
            assertThat(recording.fills).as("close first: " + closeFirst).extracting(Fill::count)
                    .containsExactly(c(1));
            assertThat(recording.settlements).extracting(Settlement::ts, Settlement::position)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, c(1)));
        }
    }

    @Test
    void probAdvancesOnCancelsWhereRiskAverseDoesNot() {
        // We join behind 5; 5 more join behind us; 4 cancel. Risk-averse keeps all 5 ahead (the level still shows
        // 6); prob n=3 with 5 ahead and 5 behind takes half the cancels from ahead (3 left), optimistic none.
        java.util.function.Function<String, List<Fill>> run = queue -> fills(fiveAheadAt50(queue)
                .delta(2, BookSide.YES, 50, 5)
                .delta(3, BookSide.YES, 50, -4)
                .trade(4, 50, 8, BookSide.NO));
        assertThat(run.apply("risk-averse")).extracting(Fill::count).containsExactly(c(3));
        assertThat(run.apply("prob")).extracting(Fill::count).containsExactly(c(5));
        assertThat(run.apply("optimistic")).extracting(Fill::count).containsExactly(c(8));
    }
}
