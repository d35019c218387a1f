package io.kbt.engine.portfolio;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.SettlementSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a market settles at close: from its recorded result; when none is stored, from the underlying's
 * last level at or before close against the strikes (with a warning); when both are known and disagree, the
 * recorded result wins (with a warning); when neither is known, it cannot settle (SettlementSource.NONE).
 */
public final class SettlementRule {
    private static final Logger LOG = LoggerFactory.getLogger(SettlementRule.class);

    /** A decided outcome and where it came from. */
    public record Outcome(Result result, SettlementSource source) {}

    private SettlementRule() {}

    /** {@code indexLevel} is the underlying's last level at or before close, NaN when there is none. */
    public static Outcome decide(Market market, double indexLevel) {
        Result fromIndex = fromIndex(market, indexLevel);
        Result recorded = market.result();
        if (recorded != Result.UNKNOWN) {
            if (fromIndex != Result.UNKNOWN && fromIndex != recorded) {
                LOG.warn("{}: recorded result {} disagrees with {} last level {} before close; using the recorded result",
                        market.ticker(), recorded, market.underlying(), indexLevel);
            }
            return new Outcome(recorded, SettlementSource.RECORDED);
        }
        if (fromIndex != Result.UNKNOWN) {
            LOG.warn("{}: no recorded result; settled {} from {} last level {} at or before close",
                    market.ticker(), fromIndex, market.underlying(), indexLevel);
            return new Outcome(fromIndex, SettlementSource.INDEX);
        }
        LOG.warn("{}: no recorded result and no {} level to settle from; position left at its last mid",
                market.ticker(), market.underlying());
        return new Outcome(Result.UNKNOWN, SettlementSource.NONE);
    }

    /** The result the strikes give for {@code level}, UNKNOWN when the level or strikes are missing. */
    public static Result fromIndex(Market market, double level) {
        if (Double.isNaN(level)) {
            return Result.UNKNOWN;
        }
        double floor = market.floorStrike();
        double cap = market.capStrike();
        Boolean yes = switch (market.strikeType()) {
            case BETWEEN -> Double.isNaN(floor) || Double.isNaN(cap) ? null : level >= floor && level <= cap;
            case GREATER -> Double.isNaN(floor) ? null : level > floor;
            case GREATER_OR_EQUAL -> Double.isNaN(floor) ? null : level >= floor;
            case LESS -> Double.isNaN(cap) ? null : level < cap;
            case LESS_OR_EQUAL -> Double.isNaN(cap) ? null : level <= cap;
            case UNKNOWN -> null;
        };
        return yes == null ? Result.UNKNOWN : yes ? Result.YES : Result.NO;
    }
}
