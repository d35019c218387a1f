package io.kbt.engine.fees;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;

/**
 * A Kalshi fee schedule: what one fill costs. Named and chosen at run time ({@link FeeSchedules#byName}) because
 * Kalshi's schedule differs by series and changes over time.
 */
public interface FeeSchedule {
    /** The name this schedule was chosen by. */
    String name();

    /** Fee in micro-dollars for {@code count} hundredths of a contract at yes price {@code price} ticks. */
    long feeMicros(Market market, Liquidity liquidity, int price, long count);
}
