package io.kbt.samples;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One day's Kalshi S&P 500 close event in INXD style: {@code brackets} markets 25 points wide around the open
 * ({@code INXD-26JAN05-B5912} covers 5900 to 5924.99), a {@code less} market below the lowest bracket and a
 * {@code greater} market above the highest, all closing at 16:00 New York and settled from the simulated close.
 */
final class InxdEvent {
    static final String SERIES = "INXD";
    static final String UNDERLYING = "SPX";
    static final int WIDTH_CENTS = 2_500;
    private static final DateTimeFormatter TICKER_DATE = DateTimeFormatter.ofPattern("yyMMMdd", Locale.ROOT);

    private InxdEvent() {}

    /** The event's markets, less-tail first, then brackets upwards, then the greater tail; ids from {@code firstId}. */
    static List<Market> markets(LocalDate day, int brackets, double open, long closeCents, int firstId) {
        String event = SERIES + "-" + day.format(TICKER_DATE).toUpperCase(Locale.ROOT);
        long openTime = TradingDays.openMicros(day);
        long closeTime = TradingDays.closeMicros(day);
        long openBracket = Math.floorDiv(Math.round(open * 100), WIDTH_CENTS) * WIDTH_CENTS;
        long lowest = openBracket - (long) (brackets / 2) * WIDTH_CENTS;
        long highestCap = lowest + (long) brackets * WIDTH_CENTS - 1;
        List<Market> markets = new ArrayList<>(brackets + 2);
        int id = firstId;
        markets.add(new Market(id++, event + "-T" + strike(lowest), event, SERIES, StrikeType.LESS, Double.NaN,
                lowest / 100.0, UNDERLYING, openTime, closeTime, result(closeCents < lowest), TickSize.CENT));
        for (int i = 0; i < brackets; i++) {
            long floor = lowest + (long) i * WIDTH_CENTS;
            long cap = floor + WIDTH_CENTS - 1;
            markets.add(new Market(id++, event + "-B" + strike(floor + WIDTH_CENTS / 2 / 100 * 100), event, SERIES,
                    StrikeType.BETWEEN, floor / 100.0, cap / 100.0, UNDERLYING, openTime, closeTime,
                    result(closeCents >= floor && closeCents <= cap), TickSize.CENT));
        }
        markets.add(new Market(id, event + "-T" + strike(highestCap), event, SERIES, StrikeType.GREATER,
                highestCap / 100.0, Double.NaN, UNDERLYING, openTime, closeTime, result(closeCents > highestCap),
                TickSize.CENT));
        return markets;
    }

    private static Result result(boolean yes) {
        return yes ? Result.YES : Result.NO;
    }

    /** A strike in cents as Kalshi writes it in tickers: 5900, 6074.99. */
    private static String strike(long cents) {
        return cents % 100 == 0 ? Long.toString(cents / 100) : String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
