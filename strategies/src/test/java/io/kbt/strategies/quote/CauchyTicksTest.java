package io.kbt.strategies.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.YesProbability;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The cotangent search gives the exact fair rounded whatever tick it starts from: from the answer itself, from
 * next to it, and from any other tick, for random strikes (some so far that the fair is 0 or 100), levels,
 * scales and tick sizes.
 */
class CauchyTicksTest {
    @Property(tries = 300)
    void anyStartingTickGivesTheExactFairRounded(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 0, max = 4) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        CauchyReturns model = new CauchyReturns(random.nextDouble(-1e-3, 1e-3), 5e-6, 0.6);
        double level = random.nextDouble(3_000, 6_000);
        double floor = Math.rint(level * random.nextDouble(0.9, 1.1));
        double cap = floor + random.nextInt(1, 100) - 0.01;
        StrikeType type = StrikeType.values()[kind];
        TickSize tick = random.nextBoolean() ? TickSize.TENTH_CENT : TickSize.CENT;
        Market market = new Market(0, "INXD-T", "INXD", "INXD", type, floor, cap, "SPX", 0, 1, Result.UNKNOWN, tick);
        int maxTicks = tick.maxTicks();
        double tau = Math.exp(random.nextDouble(0, Math.log(30_000)));
        double gamma = model.gamma(tau);
        long expected = QuoteRule.fairTicks(100 * YesProbability.of(model, market, level, tau), maxTicks);
        Statistics.label("fair at an end").collect(expected == 0 || expected == maxTicks);
        Statistics.label("fair at an end").coverage(c -> c.check(true).percentage(p -> p > 10));
        CauchyTicks ticks = new CauchyTicks(model.x0());
        for (long near : new long[] {expected, expected - 1, expected + 1, 0, maxTicks,
                random.nextLong(-5, maxTicks + 5)}) {
            long answer = ticks.ticks(market, level, 1 / gamma, maxTicks, near);
            Statistics.label("answered").collect(answer >= 0);
            Statistics.label("answered").coverage(c -> c.check(true).percentage(p -> p > 90));
            if (answer >= 0) {
                assertThat(answer).as("starting at %d", near).isEqualTo(expected);
            }
        }
    }
}
