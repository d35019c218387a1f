package io.kbt.strategies.quote;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a fair-value strategy turns its fair price into quotes. Spread and skew are exact decimals of cents so
 * a half-way skew rounds the way the user wrote it; sizes and limits are hundredths of a contract.
 *
 * @param halfSpreadCents        distance of each quote from fair, cents (≥ 0)
 * @param skewCentsPerContract   both quotes move down this many cents per contract held (up when short)
 * @param quoteSize              size of each side, hundredths of a contract (&gt; 0)
 * @param positionLimit          largest absolute position, hundredths of a contract (&gt; 0); sides shrink to it
 * @param crossGuard             keep the bid at most best ask − 1 tick and the ask at least best bid + 1 tick
 * @param postOnly               mark quotes post-only: the engine rejects a side that would take
 * @param stopBeforeCloseSeconds withdraw quotes this many seconds before a market's close
 * @param maxLossCents           stop quoting for the rest of the run once P&amp;L falls below −this (empty: never)
 */
public record QuotingParams(
        BigDecimal halfSpreadCents,
        BigDecimal skewCentsPerContract,
        long quoteSize,
        long positionLimit,
        boolean crossGuard,
        boolean postOnly,
        long stopBeforeCloseSeconds,
        OptionalLong maxLossCents) {
    /**
     * Sane defaults: a 1¢ half-spread, 0.1¢ of skew per contract, 10 contracts a side up to ±40, post-only
     * (never pay a taker fee by accident), out of the market 60 s before close, no loss stop.
     */
    public static final QuotingParams DEFAULTS = new QuotingParams(
            BigDecimal.ONE, new BigDecimal("0.1"), 1_000, 4_000, false, true, 60, OptionalLong.empty());

    /**
     * The 2023 reference bot: ±1¢ around fair, both quotes moved by round(position/10)¢, 10 contracts a side
     * up to ±40, pulled back one tick inside the book instead of crossing it, quoting until the close.
     */
    public static final QuotingParams SEED = new QuotingParams(
            BigDecimal.ONE, new BigDecimal("0.1"), 1_000, 4_000, true, false, 0, OptionalLong.empty());

    public QuotingParams {
        Objects.requireNonNull(halfSpreadCents, "halfSpreadCents");
        Objects.requireNonNull(skewCentsPerContract, "skewCentsPerContract");
        Objects.requireNonNull(maxLossCents, "maxLossCents");
        if (halfSpreadCents.signum() < 0 || skewCentsPerContract.signum() < 0) {
            throw new IllegalArgumentException("half-spread and skew must be ≥ 0");
        }
        if (quoteSize <= 0 || positionLimit <= 0 || stopBeforeCloseSeconds < 0
                || maxLossCents.isPresent() && maxLossCents.getAsLong() < 0) {
            throw new IllegalArgumentException("quote size and position limit must be > 0, stop and loss ≥ 0");
        }
    }
}
