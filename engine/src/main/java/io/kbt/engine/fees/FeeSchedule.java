package io.kbt.engine.fees;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;

/**
 * A Kalshi fee schedule: what one fill costs — of a market (its series), at a time, at a price, for a count, as
 * maker or taker. Named and chosen at run time ({@link FeeSchedules#byName}, implementations found through
 * {@link FeeScheduleProvider}) because Kalshi's schedule differs by series and changes over time.
 */
public interface FeeSchedule {
    /** The name this schedule was chosen by. */
    String name();

    /** Fee in micro-dollars for {@code count} hundredths of a contract at yes price {@code price} ticks. */
    long feeMicros(Market market, Liquidity liquidity, int price, long count);

    /** The fee of a fill at {@code ts} (UTC epoch µs), for schedules that change over time; by default the same. */
    default long feeMicros(Market market, Liquidity liquidity, int price, long count, long ts) {
        return feeMicros(market, liquidity, price, count);
    }
}
