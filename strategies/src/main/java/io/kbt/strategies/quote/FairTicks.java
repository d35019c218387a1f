package io.kbt.strategies.quote;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.StrikeType;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.model.YesProbability;
import java.util.Arrays;

/**
 * Each market's fair value: exact in cents when someone records it, and in whole ticks — all the quotes use —
 * recomputed only when it could have changed. After an exact computation the rounded fair lies some distance
 * (the slack) from the half ticks above and below; a quarter of the smaller is given to the passing of time and
 * the rest of each to index moves, using the model's bounds on how fast one strike's tail mass moves per log of
 * scale and per unit of return.
 * That gives a time and a range of index levels within which the rounded fair cannot change, checked in two
 * comparisons instead of an exact CDF. The
 * margin kept at the half tick is far above the floating-point error of the exact value, so the rounding is
 * always the one the exact value would give.
 */
final class FairTicks {
    private static final double MICROS_PER_SECOND = 1_000_000.0;
    /** Kept at each half tick, in probability: the exact value's rounding error is about 1e-15. */
    private static final double MARGIN = 1e-9;
    /** Widens every bound a little against its own rounding. */
    private static final double SAFETY = 1.000001;
    private static final double INVERSE_SAFETY = 1 / SAFETY;
    /**
     * The share of the smaller slack given to the passing of time; the rest is for index moves. On the generated
     * 5 days (750,000 events), 0.1, 0.25, 0.35 and 0.5 recompute 298 k, 277 k, 287 k and 317 k fairs per set.
     */
    private static final double TIME_SHARE = 0.25;
    /** Narrows a range of index levels by far more than the rounding of its computation. */
    private static final double LEVEL_SAFETY = 1 + 1e-12;

    private final ReturnModel model;
    private final double perLogScale;
    private final double location;
    private final double h;
    private final double inverseH;
    /** Δ ln scale allowed per unit of probability budget, for one strike's term. */
    private final double roomPerBudget;
    /** Index level each market's cache was computed at; NaN: no cache. */
    private final double[] cachedLevel;
    private final long[] cachedTicks;
    private final long[] validBefore;
    /** Index levels strictly between which each market's cached fair holds (NaN: none). */
    private final double[] levelLo;
    private final double[] levelHi;
    /** The cotangent test for Cauchy models; null for others, which always take the exact CDF. */
    private final CauchyTicks cauchy;
    private double lastTau = Double.NaN;
    private double lastScale;
    private double lastInverseScale;

    FairTicks(ReturnModel model, int markets) {
        this.model = model;
        this.perLogScale = model.maxTailChangePerLogScale();
        this.location = model.location();
        this.h = model.h();
        this.inverseH = h > 0 ? 1 / h : 0;
        this.roomPerBudget = 1 / (perLogScale * SAFETY);
        this.cauchy = model instanceof CauchyReturns c ? new CauchyTicks(c.x0()) : null;
        cachedLevel = new double[markets];
        Arrays.fill(cachedLevel, Double.NaN);
        cachedTicks = new long[markets];
        validBefore = new long[markets];
        Arrays.fill(validBefore, Long.MIN_VALUE);
        levelLo = new double[markets];
        levelHi = new double[markets];
        Arrays.fill(levelLo, Double.NaN);
        Arrays.fill(levelHi, Double.NaN);
    }

    /** 100·P(yes) of {@code market} at index {@code level} (positive, finite) at {@code now}, exactly. */
    double cents(Market market, double level, long now) {
        double tau = (double) (market.closeTime() - now) / MICROS_PER_SECOND;
        if (tau <= 0) {
            return 100 * YesProbability.of(model, market, level, tau);
        }
        return 100 * YesProbability.atScale(model, market.strikeType(), market.floorStrike(), market.capStrike(),
                level, scale(tau));
    }

    /** Whether {@code market}'s cached fair in ticks still holds at index {@code level} at {@code now}. */
    boolean holds(int market, double level, long now) {
        return now < validBefore[market] && level > levelLo[market] && level < levelHi[market];
    }

    /** The fair of {@code market} in whole ticks at index {@code level} (positive, finite) at {@code now}. */
    long ticks(Market market, int maxTicks, double level, long now) {
        int id = market.id();
        if (holds(id, level, now)) {
            return cachedTicks[id];
        }
        double tau = (double) (market.closeTime() - now) / MICROS_PER_SECOND;
        validBefore[id] = Long.MIN_VALUE;
        if (cauchy != null && tau > 0) {
            double scale = scale(tau);
            if (scale > 0 && Double.isFinite(scale)) {
                long ticks = cauchy.ticks(market, level, lastInverseScale, maxTicks, cachedTicks[id]);
                if (ticks >= 0) {
                    double up = cauchy.slackUp() - MARGIN;
                    double down = cauchy.slackDown() - MARGIN;
                    if (up > 0 && down > 0) {
                        remember(market, id, ticks, level, tau, scale, lastInverseScale, up, down);
                    }
                    return ticks;
                }
            }
        }
        double cents = cents(market, level, now);
        double unrounded = QuoteRule.unroundedTicks(cents, maxTicks);
        long ticks = (long) Math.rint(unrounded);
        double up = (ticks + 0.5 - unrounded) / maxTicks - MARGIN;
        double down = (unrounded - ticks + 0.5) / maxTicks - MARGIN;
        if (tau > 0 && up > 0 && down > 0 && lastScale > 0 && Double.isFinite(lastScale)) {
            remember(market, id, ticks, level, tau, lastScale, lastInverseScale, up, down);
        }
        return ticks;
    }

    /** The time until which {@code market}'s cached fair can hold; MIN_VALUE: none. */
    long validBefore(int market) {
        return validBefore[market];
    }

    /**
     * A quarter of the slack to the nearer half tick bounds the passing of time: |ΔP| ≤ terms·perLogScale·|Δ ln
     * scale|, ln scale = h·ln τ + c, so τ may fall to τ/(1 + room/h) (e^y ≥ 1 + y keeps that on the safe side).
     * The rest of each side's slack bounds index moves, split as
     * P(t′, γ′) − P(t, γ) = [P(t′, γ′) − P(t′, γ)] + [P(t′, γ) − P(t, γ)]: the first, the time part, at the
     * returns t′ of the level range; the second by densities at the present scale γ. An index rise lowers every
     * strike's return and so raises the floor's tail (P up) and the cap's (P down); a fall does the opposite.
     * Each strike's term thus moves P one known way per direction and may use all of that side's slack: the
     * floor's return may fall until its tail has gained the upper slack, the cap's until its tail has gained the
     * lower one, and the same the other way. When every strike's return stays at least one scale from the
     * location over the level range, each term moves with the horizon far more slowly than perLogScale
     * ({@link #farChange}), which gives the time a longer room.
     */
    private void remember(Market market, int id, long ticks, double level, double tau, double scale,
            double inverseScale, double up, double down) {
        StrikeType type = market.strikeType();
        boolean floor = type != StrikeType.LESS && type != StrikeType.LESS_OR_EQUAL;
        boolean cap = type != StrikeType.GREATER && type != StrikeType.GREATER_OR_EQUAL;
        int terms = (floor ? 1 : 0) + (cap ? 1 : 0);
        double timeBudget = Math.min(up, down) * TIME_SHARE;
        double room = timeBudget * (terms == 1 ? roomPerBudget : roomPerBudget / 2);
        double upBudget = up - timeBudget;
        double downBudget = down - timeBudget;
        double rangeLo = 0;
        double rangeHi = Double.POSITIVE_INFINITY;
        double floorReturn = Double.NaN;
        double capReturn = Double.NaN;
        if (floor) {
            double t = market.floorStrike() / level - 1.0 - location;
            floorReturn = t;
            double fall = allowedMove(t, false, upBudget, scale, inverseScale);
            double rise = allowedMove(t, true, downBudget, scale, inverseScale);
            rangeLo = Math.max(rangeLo, lowestLevel(market.floorStrike(), t, rise));
            rangeHi = Math.min(rangeHi, highestLevel(market.floorStrike(), t, fall));
        }
        if (cap) {
            double t = market.capStrike() / level - 1.0 - location;
            capReturn = t;
            double fall = allowedMove(t, false, downBudget, scale, inverseScale);
            double rise = allowedMove(t, true, upBudget, scale, inverseScale);
            rangeLo = Math.max(rangeLo, lowestLevel(market.capStrike(), t, rise));
            rangeHi = Math.min(rangeHi, highestLevel(market.capStrike(), t, fall));
        }
        if (!(rangeLo < level && level < rangeHi)) {
            return;
        }
        double change = (floor ? farChange(market.floorStrike(), floorReturn, rangeLo, rangeHi, inverseScale) : 0)
                + (cap ? farChange(market.capStrike(), capReturn, rangeLo, rangeHi, inverseScale) : 0);
        if (change > 0) {
            room = Math.max(room, timeBudget / (change * SAFETY));
        }
        double tauMin = h > 0 ? tau / (1 + room * inverseH) * SAFETY : 0;
        cachedTicks[id] = ticks;
        validBefore[id] = market.closeTime() - (long) Math.ceil(tauMin * MICROS_PER_SECOND) - 1;
        levelLo[id] = rangeLo * LEVEL_SAFETY;
        levelHi[id] = rangeHi * (2 - LEVEL_SAFETY);
    }

    /**
     * The bound of one term's change per log of scale over the level range (rangeLo, rangeHi), for a strike whose
     * return is {@code t} now, while the scale falls from the present one: the standardised distance only grows
     * then, so the bound at the nearest distance the range reaches holds throughout. A higher level lowers every
     * return, so a return above the location comes nearest at the range's top, one below it at its bottom. The
     * range is the one both strikes allow, not one strike's own moves: a side with no half tick to reach lets its
     * own move run to the location (tick 0 of a far range), while the other strike still bounds the range.
     * NaN (no such bound) when that distance is under one scale, or when the bound underflows to 0.
     */
    private double farChange(double strike, double t, double rangeLo, double rangeHi, double inverseScale) {
        double z = t >= 0 ? (strike / rangeHi - 1.0 - location) * inverseScale
                : -(strike / rangeLo - 1.0 - location) * inverseScale;
        double change = z >= 1 ? model.tailChangePerLogScale(z) : Double.NaN;
        return change > 0 ? change : Double.NaN;
    }

    /** The lowest index level at which the strike's return K/L − 1 − location is at most t + move. */
    private double lowestLevel(double strike, double t, double move) {
        double denominator = 1.0 + location + t + move;
        return denominator > 0 && strike > 0 ? strike / denominator : Double.NaN;
    }

    /** The highest index level at which the strike's return is at least t − move. */
    private double highestLevel(double strike, double t, double move) {
        double denominator = 1.0 + location + t - move;
        return denominator > 0 ? strike / denominator : Double.POSITIVE_INFINITY;
    }

    /**
     * How far a strike's return may rise (or fall) from {@code t} while its tail mass moves at most
     * {@code budget} at the present scale. Away from the location the density only falls, so the density at
     * {@code t} bounds it; towards it, a first step at that density, then the step the density where that first
     * step could reach allows (smaller, so the points it reaches are no nearer the location and their density
     * no higher). Unlimited when that side has no half tick to reach (the probability cannot pass 0 or 1).
     * Multiplies by the density's reciprocal: this runs for every recomputed fair, and divisions were most of its
     * cost.
     */
    private double allowedMove(double t, boolean rise, double budget, double scale, double inverseScale) {
        if (budget == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double move = budget * model.inverseDensity(Math.abs(t), scale, inverseScale);
        if (rise != t >= 0) {
            double nearest = move < Math.abs(t) ? Math.abs(t) - move : 0;
            move = budget * model.inverseDensity(nearest, scale, inverseScale);
        }
        move *= INVERSE_SAFETY;
        // a density that underflowed gives no bound: no move at all rather than an infinite one
        return move >= 0 && move < Double.POSITIVE_INFINITY ? move : 0;
    }

    /** model.scale(τ), once per distinct τ: markets closing together price at the same horizon. */
    private double scale(double tau) {
        if (tau != lastTau) {
            lastTau = tau;
            lastScale = model.scale(tau);
            lastInverseScale = 1 / lastScale;
        }
        return lastScale;
    }
}
