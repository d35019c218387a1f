package io.kbt.strategies.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.NormalReturns;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.model.YesProbability;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The cached, bounded fair in whole ticks is always the exact fair rounded: for random models (Cauchy and normal,
 * drift, scale, time exponent), strike types, strikes, tick sizes (1¢ and 0.1¢) and random walks of the index
 * and of time towards the close, with steps small and large, {@link FairTicks#ticks} equals
 * {@link QuoteRule#fairTicks} of {@link YesProbability} at every step.
 */
class FairTicksTest {
    private static final long CLOSE = 30_000L * 1_000_000;

    /** A normal model so narrow that a far strike's density underflows: once cached for ever, now never. */
    @Example
    void aDensityThatUnderflowsGivesNoRange() {
        cachedTicksAreTheExactFairRounded(116_951, 3);
    }

    @Property(tries = 300)
    void cachedTicksAreTheExactFairRounded(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 0, max = 5) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        ReturnModel model = random.nextBoolean()
                ? new CauchyReturns(random.nextDouble(-1e-3, 1e-3), random.nextDouble(1e-6, 2e-5),
                        random.nextDouble(0, 1))
                : new NormalReturns(random.nextDouble(-1e-3, 1e-3), random.nextDouble(2e-5, 2e-4),
                        random.nextDouble(0, 1));
        double level = random.nextDouble(3_000, 6_000);
        double floor = Math.rint(level * random.nextDouble(0.98, 1.02));
        double cap = floor + random.nextInt(1, 100) - 0.01;
        StrikeType type = StrikeType.values()[kind];
        if (type == StrikeType.UNKNOWN) {
            type = StrikeType.BETWEEN;
        }
        TickSize tick = random.nextInt(4) == 0 ? TickSize.TENTH_CENT : TickSize.CENT;
        Market market = new Market(0, "INXD-T", "INXD", "INXD", type, floor, cap, "SPX", 0, CLOSE, Result.UNKNOWN,
                tick);
        int maxTicks = tick.maxTicks();
        FairTicks fair = new FairTicks(model, 1);
        long now = 0;
        for (int step = 0; step < 3_000 && now < CLOSE + 5_000_000; step++) {
            now += switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextLong(1, 1_000_000);
                case 2 -> random.nextLong(1, 60_000_000);
                default -> random.nextLong(1, 10_000);
            };
            if (random.nextInt(3) == 0) {
                level *= 1 + random.nextGaussian() * (random.nextInt(10) == 0 ? 2e-3 : 5e-5);
            }
            double tau = (double) (CLOSE - now) / 1_000_000;
            long expected = QuoteRule.fairTicks(100 * YesProbability.of(model, market, level, tau), maxTicks);
            assertThat(fair.ticks(market, maxTicks, level, now))
                    .as("step %d: %s, %s at level %s, %s s before close", step, model, type, level, tau)
                    .isEqualTo(expected);
        }
    }

    /**
     * A range far below the index rounds to tick 0, so its fair has no half tick below to reach and the level may
     * rise without limit: its time room comes from how near the other strike lets the level come, not from that
     * unlimited move. With the seed model, 991 s before the close and the index 136 points above the range, the
     * cached fair holds for 27 s, where the bound for any strike (1/(2π) per log of scale) gave 0.8 s.
     */
    @Example
    void aFarRangeAtTickZeroHoldsForSeconds() {
        long now = CLOSE - 991_000_000L;
        Market range = new Market(0, "INXD-B5937", "INXD", "INXD", StrikeType.BETWEEN, 5_925, 5_949.99, "SPX", 0,
                CLOSE, Result.UNKNOWN, TickSize.CENT);
        FairTicks fair = new FairTicks(CauchyReturns.SEED, 1);
        assertThat(fair.ticks(range, 100, 6_086.65, now)).isZero();
        assertThat(fair.validBefore(0) - now).isGreaterThan(10_000_000L);
    }
}
