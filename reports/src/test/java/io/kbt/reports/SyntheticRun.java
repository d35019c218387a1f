package io.kbt.reports;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Sample;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-made, deterministic run for report tests: S&amp;P "between" markets on consecutive New York weekdays,
 * 09:30–16:00, an index random walk, best prices around a fair value, our quotes, fills and P&amp;L. Every
 * figure it reports is counted from what it emitted.
 */
final class SyntheticRun {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 4, 10);

    final Instruments instruments;
    final List<LocalDate> days = new ArrayList<>();
    long samples;
    long fills;
    long pnlPoints;
    long indexTicks;
    private final int marketsPerDay;
    private final long samplesPerMarket;
    private final int fillEvery;
    private final long[] marketFills;
    private final long[] marketContracts;
    private final long[] marketFees;
    private final long[] marketPosition;
    private long cash;
    private long fees;
    private long volume;
    private long contracts;
    private long maxAbsPosition;

    /** {@code samplesPerMarket} samples of each of {@code marketsPerDay} markets on each of {@code dayCount} days. */
    SyntheticRun(int dayCount, int marketsPerDay, long samplesPerMarket, int fillEvery) {
        this.marketsPerDay = marketsPerDay;
        this.samplesPerMarket = samplesPerMarket;
        this.fillEvery = fillEvery;
        LocalDate day = FIRST_DAY;
        List<Market> markets = new ArrayList<>();
        while (days.size() < dayCount) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
                for (int k = 0; k < marketsPerDay; k++) {
                    double floor = 4050 + 50 * (k - marketsPerDay / 2);
                    String event = "INXD-" + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMMdd"))
                            .toUpperCase(java.util.Locale.ROOT);
                    // The last market of each day ticks in 0.1¢, as some newer markets do.
                    TickSize tick = k == marketsPerDay - 1 && marketsPerDay > 1 ? TickSize.TENTH_CENT : TickSize.CENT;
                    markets.add(new Market(markets.size(), event + "-B" + (int) (floor + 25), event, "INXD",
                            StrikeType.BETWEEN, floor, floor + 49.99, "SPX", micros(day, LocalTime.of(9, 30)),
                            micros(day, LocalTime.of(16, 0)), k % 2 == 0 ? Result.NO : Result.YES, tick));
                }
            }
            day = day.plusDays(1);
        }
        instruments = new Instruments(markets, List.of("SPX"));
        int n = markets.size();
        marketFills = new long[n];
        marketContracts = new long[n];
        marketFees = new long[n];
        marketPosition = new long[n];
    }

    static long micros(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(NY).toInstant().toEpochMilli() * 1_000;
    }

    /** Feeds the whole run to {@code listener} in time order. */
    void replay(RunListener listener) {
        SplittableRandom random = new SplittableRandom(42);
        double index = 4080;
        for (int d = 0; d < days.size(); d++) {
            long open = micros(days.get(d), LocalTime.of(9, 30));
            long step = (6L * 3600 + 1800) * 1_000_000 / samplesPerMarket;
            for (long i = 0; i < samplesPerMarket; i++) {
                long ts = open + i * step;
                index += random.nextGaussian() * 0.4;
                if (i % 4 == 0) {
                    listener.onIndex(new IndexTick(ts, i, 0, index));
                    indexTicks++;
                }
                for (int k = 0; k < marketsPerDay; k++) {
                    emit(listener, random, d * marketsPerDay + k, ts, index, i);
                }
            }
        }
    }

    private void emit(RunListener listener, SplittableRandom random, int id, long ts, double index, long i) {
        Market market = instruments.market(id);
        int scale = market.tickSize().maxTicks() / 100;
        double mid = (market.floorStrike() + 25 - index) / 40.0;
        double fair = 100 / (1 + Math.exp(-(1.5 - mid * mid))) * 0.6 + 5;
        int bid = (int) Math.max(1, Math.floor(fair - 1 - random.nextInt(2))) * scale;
        int ask = (int) Math.min(99, Math.ceil(fair + 1 + random.nextInt(2))) * scale;
        boolean quoting = (i / 50) % 5 != 4;
        int ourBid = quoting ? Math.max(scale, bid - scale) : 0;
        int ourAsk = quoting ? Math.min(99 * scale, ask + scale) : 0;
        if (i > 0 && i % fillEvery == 0 && quoting) {
            boolean buy = marketPosition[id] <= 0 ? random.nextInt(3) > 0 : random.nextInt(3) == 0;
            long count = 100 + random.nextInt(3) * 42;
            int price = buy ? ourBid : ourAsk;
            long fee = 10_000;
            marketPosition[id] += buy ? count : -count;
            long flow = market.tickSize().micros(price) * count / 100;
            cash += buy ? -flow : flow;
            fees += fee;
            volume += flow;
            contracts += count;
            marketFills[id]++;
            marketContracts[id] += count;
            marketFees[id] += fee;
            maxAbsPosition = Math.max(maxAbsPosition, Math.abs(marketPosition[id]));
            listener.onFill(new Fill(ts, id, buy ? Action.BUY : Action.SELL, price, count, fee, Liquidity.MAKER,
                    marketPosition[id], i, FillRule.QUEUE));
            fills++;
        }
        long markMicros = (long) ((bid + ask) / 2.0 * market.tickSize().micros()) * marketPosition[id] / 100;
        listener.onSample(new Sample(ts, id, bid, ask, i % 7 == 0 ? Double.NaN : fair, ourBid, ourAsk,
                marketPosition[id], cash + markMicros - fees));
        samples++;
        if (id % marketsPerDay == 0) {
            listener.onPnl(new PnlPoint(ts, cash + markMicros - fees, cash - fees, fees));
            pnlPoints++;
        }
    }

    RunResult result() {
        List<MarketSummary> summaries = new ArrayList<>();
        for (Market m : instruments.markets()) {
            summaries.add(new MarketSummary(m.id(), m.ticker(), m.result(), -marketFees[m.id()],
                    marketFills[m.id()], marketContracts[m.id()], marketPosition[m.id()], marketFees[m.id()]));
        }
        return new RunResult(summaries, samples * 3, fills, contracts, volume, fees, cash - fees, 1_234_5678L,
                maxAbsPosition, 98_765_4321L, fills * 4, fills * 3, new BookAnomalies(1, 2, 3), 2_500_000_000L);
    }
}
