package com.example.thirdparty;

import io.kbt.engine.fees.FeeSchedule;
import io.kbt.engine.fees.FeeScheduleProvider;
import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.spi.Choice;

/**
 * A fee schedule written outside kbt's packages: a flat {@code cents} per contract for takers, and for makers
 * only from {@code makersFrom} (UTC epoch µs) on — a schedule that depends on time and liquidity.
 */
public final class PerContractFees implements FeeScheduleProvider {
    @Override
    public String name() {
        return "per-contract";
    }

    @Override
    public String description() {
        return "flat cents per contract (test schedule)";
    }

    @Override
    public FeeSchedule create(Choice choice) {
        choice.accepting("cents", "makersFrom");
        long microsPerHundredth = Long.parseLong(choice.option("cents", "1")) * 10_000 / 100;
        long makersFrom = Long.parseLong(choice.option("makersFrom", Long.toString(Long.MAX_VALUE)));
        return new FeeSchedule() {
            @Override
            public String name() {
                return choice.toString();
            }

            @Override
            public long feeMicros(Market market, Liquidity liquidity, int price, long count) {
                return liquidity == Liquidity.TAKER ? count * microsPerHundredth : 0;
            }

            @Override
            public long feeMicros(Market market, Liquidity liquidity, int price, long count, long ts) {
                return liquidity == Liquidity.TAKER || ts >= makersFrom ? count * microsPerHundredth : 0;
            }
        };
    }
}
