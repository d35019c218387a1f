package io.kbt.feeds;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The 2023 seed CSV ({@code Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,...}) of one Kalshi
 * market and its index as engine events. Instrument 0 rows are {@link IndexTick}s; Instrument 1 rows are
 * order-book rows that this reader replays on its own {@link KalshiBook}, applying every delta it emits: an empty {@link BookSnapshot} before the first; an
 * {@code Insert} that crosses the other side is a trade — for each crossed level a {@link Trade} (taker YES when a
 * {@code B} insert lifts asks, NO when an {@code A} insert hits bids) and a {@link BookDelta} taking that
 * quantity off the level — and its remainder rests as a delta; other inserts add and {@code Cancel}s remove
 * quantity (never below zero: clamped and counted as {@code cancel_clamped}). {@code Side A} at price p is a no
 * bid at 100 − p; {@code Price 6500.0} is 65¢.
 *
 * <p>{@code seq} = line × {@value #SEQ_PER_LINE} + the event's position within its row, so events of one row
 * (a trade and its delta) keep their order and every event has its own (ts, seq).
 */
public final class SeedCsvReader extends LineFeedReader {
    /** Spacing of seq between lines; a row emits at most 2 × 99 + 2 events, fewer than this. */
    public static final int SEQ_PER_LINE = 1000;

    /** Row counters in {@link #stats()}: every order-book row is exactly one of rows_trade and rows_book. */
    public static final String ROWS_INDEX = "rows_index";

    public static final String ROWS_TRADE = "rows_trade";
    public static final String ROWS_BOOK = "rows_book";
    public static final String CANCEL_CLAMPED = "cancel_clamped";
    /** Event counters in {@link #stats()}. */
    public static final String INDEX = "index";

    public static final String SNAPSHOT = "snapshot";
    public static final String DELTA = "delta";
    public static final String TRADE = "trade";

    private record Ready(MarketEvent event, long line) {}

    private final String ticker;
    private final int marketId;
    private final int symbolId;
    private final TickSize tick;
    private final int maxTicks;
    private final KalshiBook book;
    private final ArrayDeque<Ready> ready = new ArrayDeque<>();
    private final CsvFields fields = new CsvFields();
    private int timeColumn;
    private int operationColumn;
    private int instrumentColumn;
    private int sideColumn;
    private int volumeColumn;
    private int priceColumn;
    private int columns;
    private boolean headerRead;
    private boolean bookStarted;
    private boolean finished;
    private long lastTs = Long.MIN_VALUE;
    private long rowSeq;
    private long rowTs;

    public SeedCsvReader(Path file, String ticker, String symbol, TickerRegistry registry) {
        this(file, file.toString(), ticker, symbol, registry);
    }

    /** Reads {@code file} but names it {@code sourceName} in errors. */
    public SeedCsvReader(Path file, String sourceName, String ticker, String symbol, TickerRegistry registry) {
        super(file, sourceName);
        this.ticker = ticker;
        this.marketId = registry.marketId(ticker);
        this.symbolId = registry.symbolId(symbol);
        this.tick = registry.tickSize(ticker);
        this.maxTicks = tick.maxTicks();
        this.book = new KalshiBook(maxTicks);
    }

    @Override
    public MarketEvent next() {
        while (ready.isEmpty()) {
            if (finished) {
                return null;
            }
            if (!lines.next()) {
                finished = true;
                if (!headerRead) {
                    throw new BadInputException(lines.sourceName(), 0, "empty file: no header");
                }
                continue;
            }
            if (lines.blank()) {
                continue;
            }
            if (!headerRead) {
                header(CsvLine.split(lines.chars(), lines.length()));
            } else {
                fields.split(lines.chars(), lines.length());
                row();
            }
        }
        Ready next = ready.poll();
        line = next.line;
        return next.event;
    }

    private BadInputException bad(String problem) {
        return new BadInputException(lines.sourceName(), lines.lineNumber(), problem);
    }

    private void header(List<String> header) {
        timeColumn = required(header, "time");
        operationColumn = required(header, "operation");
        instrumentColumn = required(header, "instrument");
        sideColumn = required(header, "side");
        volumeColumn = required(header, "volume");
        priceColumn = required(header, "price");
        columns = header.size();
        headerRead = true;
    }

    private int required(List<String> header, String name) {
        int column = CsvLine.column(header, name);
        if (column < 0) {
            throw bad("header has no \"" + name.substring(0, 1).toUpperCase() + name.substring(1)
                    + "\" column (expected Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,...)");
        }
        return column;
    }

    private void row() {
        if (fields.size() < columns) {
            throw bad("row has " + fields.size() + " columns, the header " + columns);
        }
        long ts;
        try {
            ts = Timestamps.inRange(Timestamps.isoMicros(fields.get(timeColumn)), Timestamps.KALSHI_FIRST_YEAR);
        } catch (DateTimeException e) {
            throw bad("column Time: " + e.getMessage());
        }
        if (ts < lastTs) {
            throw bad("Time goes backwards: " + fields.text(timeColumn));
        }
        lastTs = ts;
        rowTs = ts;
        rowSeq = lines.lineNumber() * SEQ_PER_LINE;
        if (fields.is(instrumentColumn, "0")) {
            indexRow(fields.text(priceColumn));
        } else if (fields.is(instrumentColumn, "1")) {
            bookRow();
        } else {
            throw bad("column Instrument must be 0 (index) or 1 (order book), was \"" + fields.text(instrumentColumn)
                    + "\"");
        }
    }

    private void indexRow(String price) {
        double level;
        try {
            level = Double.parseDouble(price);
        } catch (NumberFormatException e) {
            throw bad("column Price of an index row is not a number: \"" + price + "\"");
        }
        if (!Double.isFinite(level) || level <= 0) {
            throw bad("index level must be a positive number, was " + price);
        }
        stats.increment(ROWS_INDEX);
        emit(new IndexTick(rowTs, nextSeq(), symbolId, level), INDEX);
    }

    private void bookRow() {
        if (!bookStarted) {
            bookStarted = true;
            BookSnapshot empty = new BookSnapshot(rowTs, nextSeq(), marketId, List.of(), List.of());
            book.applySnapshot(empty);
            emit(empty, SNAPSHOT);
        }
        boolean bid = fields.is(sideColumn, "B");
        if (!bid && !fields.is(sideColumn, "A")) {
            throw bad("column Side must be A or B, was \"" + fields.text(sideColumn) + "\"");
        }
        int yesPrice = yesPrice(fields.get(priceColumn));
        long volume = volume(fields.get(volumeColumn));
        if (fields.is(operationColumn, "Insert")) {
            insert(bid, yesPrice, volume);
        } else if (fields.is(operationColumn, "Cancel")) {
            cancel(bid, yesPrice, volume);
        } else {
            throw bad("column Operation must be Insert or Cancel, was \"" + fields.text(operationColumn) + "\"");
        }
    }

    private int yesPrice(CharSequence text) {
        long centsTimes100;
        try {
            centsTimes100 = Decimals.scaled(text, 0);
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad("column Price is not a number: \"" + text + "\"");
        }
        long micros = centsTimes100 == Long.MIN_VALUE ? -1 : centsTimes100 * 100;
        if (centsTimes100 != Long.MIN_VALUE && (micros <= 0 || micros >= 1_000_000)) {
            throw bad("price " + text + " (cents × 100) is outside (0, $1) for " + ticker);
        }
        if (micros < 0 || micros % tick.micros() != 0) {
            throw bad("price " + text + " (cents × 100) is off the " + JsonFields.describe(tick) + " tick grid of "
                    + ticker);
        }
        return (int) (micros / tick.micros());
    }

    private long volume(CharSequence text) {
        long hundredths;
        try {
            hundredths = Decimals.decimals(text) > 2 ? Long.MIN_VALUE : Decimals.scaled(text, 2);
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad("column Volume is not a count: \"" + text + "\"");
        }
        if (hundredths == Long.MIN_VALUE) {
            throw bad("column Volume \"" + text + "\" has more than two decimals");
        }
        if (hundredths <= 0) {
            throw bad("column Volume must be positive, was " + text);
        }
        if (hundredths > JsonFields.MAX_COUNT) {
            throw bad("column Volume " + text + " is beyond any real order (more than "
                    + String.format("%,d", JsonFields.MAX_COUNT / 100) + " contracts)");
        }
        return hundredths;
    }

    /** A yes bid ({@code bid}) or yes ask at {@code yesPrice}; crossing ones trade first, best level first. */
    private void insert(boolean bid, int yesPrice, long volume) {
        long remaining = volume;
        boolean traded = false;
        if (bid) {
            // Lift yes asks from the lowest: a yes ask at a is a no bid at max − a.
            while (remaining > 0 && book.bestNoBid() > 0 && book.bestYesAsk() <= yesPrice) {
                int noPrice = book.bestNoBid();
                long take = Math.min(remaining, book.noBidSize(noPrice));
                traded = true;
                remaining -= take;
                emit(new Trade(rowTs, nextSeq(), marketId, maxTicks - noPrice, take, BookSide.YES), TRADE);
                delta(BookSide.NO, noPrice, -take);
            }
        } else {
            while (remaining > 0 && book.bestYesBid() > 0 && book.bestYesBid() >= yesPrice) {
                int price = book.bestYesBid();
                long take = Math.min(remaining, book.yesBidSize(price));
                traded = true;
                remaining -= take;
                emit(new Trade(rowTs, nextSeq(), marketId, price, take, BookSide.NO), TRADE);
                delta(BookSide.YES, price, -take);
            }
        }
        stats.increment(traded ? ROWS_TRADE : ROWS_BOOK);
        if (remaining > 0) {
            delta(bid ? BookSide.YES : BookSide.NO, bid ? yesPrice : maxTicks - yesPrice, remaining);
        }
    }

    private void cancel(boolean bid, int yesPrice, long volume) {
        stats.increment(ROWS_BOOK);
        BookSide side = bid ? BookSide.YES : BookSide.NO;
        int price = bid ? yesPrice : maxTicks - yesPrice;
        long removed = Math.min(volume, book.size(side, price));
        if (removed < volume) {
            stats.increment(CANCEL_CLAMPED);
        }
        if (removed > 0) {
            delta(side, price, -removed);
        }
    }

    /** Applies a change to the reader's book and emits it, so the book is exactly what the events describe. */
    private void delta(BookSide side, int price, long quantity) {
        book.applyDelta(side, price, quantity);
        emit(new BookDelta(rowTs, nextSeq(), marketId, side, price, quantity), DELTA);
    }

    private void emit(MarketEvent event, String kind) {
        stats.increment(kind);
        ready.add(new Ready(event, lines.lineNumber()));
    }

    private long nextSeq() {
        return rowSeq++;
    }
}
