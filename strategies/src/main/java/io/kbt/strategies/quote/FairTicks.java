package io.kbt.strategies.quote;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.StrikeType;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.model.YesProbability;
import java.util.Arrays;

/**
 * Each market's fair value: exact in cents when someone records it, and in whole ticks — all the quotes use —
 * recomputed only when it could have changed. After an exact computation the rounded fair lies some distance
 * (the slack) from the nearest half tick; half of it is given to the passing of time and half to index moves,
 * using the model's bounds on how fast one strike's tail mass moves per log of scale and per unit of return.
 * While the index level is the same and the time is before the bound runs out, the rounded fair cannot have
 * changed; after an index move the bound is checked in a few multiplications instead of an exact CDF. The
 * margin kept at the half tick is far above the floating-point error of the exact value, so the rounding is
 * always the one the exact value would give.
 */
final class FairTicks {
    private static final double MICROS_PER_SECOND = 1_000_000.0;
    /** Kept at each half tick, in probability: the exact value's rounding error is about 1e-15. */
    private static final double MARGIN = 1e-9;
    /** Widens every bound a little against its own rounding. */
    private static final double SAFETY = 1.000001;

    private final ReturnModel model;
    private final double perLogScale;
    private final double location;
    private final double h;
    /** Index level each market's cache was computed at; NaN: no cache. */
    private final double[] cachedLevel;
    private final long[] cachedTicks;
    private final long[] validBefore;
    private final double[] floorEdge;
    private final double[] capEdge;
    private final double[] scaleLo;
    private final double[] scaleHi;
    private final double[] levelBudget;
    private double lastTau = Double.NaN;
    private double lastScale;

    FairTicks(ReturnModel model, int markets) {
        this.model = model;
        this.perLogScale = model.maxTailChangePerLogScale();
        this.location = model.location();
        this.h = model.h();
        cachedLevel = new double[markets];
        Arrays.fill(cachedLevel, Double.NaN);
        cachedTicks = new long[markets];
        validBefore = new long[markets];
        Arrays.fill(validBefore, Long.MIN_VALUE);
        floorEdge = new double[markets];
        capEdge = new double[markets];
        scaleLo = new double[markets];
        scaleHi = new double[markets];
        levelBudget = new double[markets];
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

    /** The fair of {@code market} in whole ticks at index {@code level} (positive, finite) at {@code now}. */
    long ticks(Market market, int maxTicks, double level, long now) {
        int id = market.id();
        if (now < validBefore[id] && (level == cachedLevel[id] || levelMoveFits(market, id, level))) {
            return cachedTicks[id];
        }
        double tau = (double) (market.closeTime() - now) / MICROS_PER_SECOND;
        double cents = cents(market, level, now);
        double unrounded = QuoteRule.unroundedTicks(cents, maxTicks);
        long ticks = (long) Math.rint(unrounded);
        double slack = (0.5 - Math.abs(unrounded - ticks)) / maxTicks - MARGIN;
        if (tau > 0 && slack > 0 && lastScale > 0 && Double.isFinite(lastScale)) {
            remember(market, id, ticks, level, tau, lastScale, slack);
        } else {
            validBefore[id] = Long.MIN_VALUE;
        }
        return ticks;
    }

    /** The time until which {@code market}'s cached fair holds at an unchanged index; MIN_VALUE: none. */
    long validBefore(int market) {
        return validBefore[market];
    }

    private void remember(Market market, int id, long ticks, double level, double tau, double scale, double slack) {
        StrikeType type = market.strikeType();
        boolean floor = type != StrikeType.LESS && type != StrikeType.LESS_OR_EQUAL;
        boolean cap = type != StrikeType.GREATER && type != StrikeType.GREATER_OR_EQUAL;
        int terms = (floor ? 1 : 0) + (cap ? 1 : 0);
        double timeBudget = slack / 2;
        // |ΔP| ≤ terms·perLogScale·|Δ ln scale| and ln scale = h·ln τ + const.
        double logScaleRoom = timeBudget / (terms * perLogScale * SAFETY);
        double tauMin = h > 0 ? tau * Math.exp(-logScaleRoom / h) * SAFETY : 0;
        long until = market.closeTime() - (long) Math.ceil(tauMin * MICROS_PER_SECOND) - 1;
        cachedLevel[id] = level;
        cachedTicks[id] = ticks;
        validBefore[id] = until;
        floorEdge[id] = floor ? market.floorStrike() / level - 1.0 - location : Double.NaN;
        capEdge[id] = cap ? market.capStrike() / level - 1.0 - location : Double.NaN;
        scaleHi[id] = scale;
        scaleLo[id] = h > 0 ? scale * Math.exp(-logScaleRoom) / SAFETY : scale;
        levelBudget[id] = slack - timeBudget;
    }

    /** Whether the index moving from the cached level to {@code level} cannot have used up the level budget. */
    private boolean levelMoveFits(Market market, int id, double level) {
        if (Double.isNaN(cachedLevel[id])) {
            return false;
        }
        double drift = 0;
        if (!Double.isNaN(floorEdge[id])) {
            drift += termDrift(floorEdge[id], market.floorStrike() / level - 1.0 - location, id);
        }
        if (!Double.isNaN(capEdge[id])) {
            drift += termDrift(capEdge[id], market.capStrike() / level - 1.0 - location, id);
        }
        return drift * SAFETY <= levelBudget[id];
    }

    /** Bound on one strike's tail mass moving from return {@code from} to {@code to}: distance × peak density. */
    private double termDrift(double from, double to, int id) {
        double moved = Math.abs(to - from);
        double nearest = Math.max(0, Math.abs(from) - moved);
        return moved * model.maxDensity(nearest, scaleLo[id], scaleHi[id]);
    }

    /** model.scale(τ), once per distinct τ: markets closing together price at the same horizon. */
    private double scale(double tau) {
        if (tau != lastTau) {
            lastTau = tau;
            lastScale = model.scale(tau);
        }
        return lastScale;
    }
}
