package io.kbt.feeds;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An index CSV ({@code ts,price}, header optional) as {@link IndexTick}s of one symbol. {@code ts} is ISO-8601
 * with a zone ({@code Z} or an offset) or an epoch number whose unit follows from its magnitude (seconds below
 * 1e11, may have a fraction; milliseconds below 1e14; else microseconds). With a header, the columns are found by
 * name ({@code ts|time|timestamp}, {@code price|level|value}); without, they are the first two. Times must not go
 * backwards and fall in 1990..2099; a level is a plain decimal number in (0, 1e9); the last line must end with a
 * newline (one without may be cut short). {@code seq} is the line number.
 */
public final class IndexCsvReader extends LineFeedReader {
    public static final String INDEX = "index";
    /** Above any index level there is (levels are not prices of a billion points). */
    private static final double MAX_LEVEL = 1e9;
    private static final Pattern DECIMAL = Pattern.compile("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final int symbolId;
    private int tsColumn;
    private int priceColumn = 1;
    private boolean started;
    private boolean anyLine;
    private long lastTs = Long.MIN_VALUE;

    public IndexCsvReader(Path file, String symbol, TickerRegistry registry) {
        this(file, file.toString(), symbol, registry);
    }

    /** Reads {@code file} but names it {@code sourceName} in errors. */
    public IndexCsvReader(Path file, String sourceName, String symbol, TickerRegistry registry) {
        super(file, sourceName);
        this.symbolId = registry.symbolId(symbol);
    }

    @Override
    public MarketEvent next() {
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            anyLine = true;
            List<String> fields = CsvLine.split(lines.chars(), lines.length());
            if (!started) {
                started = true;
                if (isHeader(fields)) {
                    header(fields);
                    continue;
                }
            }
            return tick(fields);
        }
        if (!anyLine) {
            throw new BadInputException(lines.sourceName(), 0, "empty file");
        }
        return null;
    }

    private BadInputException bad(String problem) {
        return new BadInputException(lines.sourceName(), lines.lineNumber(), problem);
    }

    private static boolean isHeader(List<String> fields) {
        String first = fields.get(0);
        return !first.isEmpty() && !Character.isDigit(first.charAt(0)) && first.charAt(0) != '-';
    }

    private void header(List<String> header) {
        tsColumn = CsvLine.column(header, "ts", "time", "timestamp");
        priceColumn = CsvLine.column(header, "price", "level", "value");
        if (tsColumn < 0 || priceColumn < 0) {
            throw bad("header must name a ts column (ts, time or timestamp) and a price column (price, level or "
                    + "value), was " + String.join(",", header));
        }
    }

    private IndexTick tick(List<String> fields) {
        if (fields.size() <= Math.max(tsColumn, priceColumn)) {
            throw bad("missing column: expected ts,price, found " + fields.size() + " column(s)");
        }
        String tsText = fields.get(tsColumn);
        String priceText = fields.get(priceColumn);
        if (tsText.isEmpty() || priceText.isEmpty()) {
            throw bad("missing " + (tsText.isEmpty() ? "ts" : "price") + " value");
        }
        long ts;
        try {
            ts = Timestamps.inRange(time(tsText), Timestamps.INDEX_FIRST_YEAR);
        } catch (DateTimeException e) {
            throw bad("ts: " + e.getMessage());
        }
        if (!DECIMAL.matcher(priceText).matches()) {
            throw bad("price is not a number: \"" + priceText + "\"");
        }
        double price = Double.parseDouble(priceText);
        if (!Double.isFinite(price) || price <= 0 || price >= MAX_LEVEL) {
            throw bad("price " + priceText + " is not a level an index can have (a positive number below 1e9)");
        }
        if (!lines.terminated()) {
            throw bad("the last line has no newline: the file may be cut short");
        }
        if (ts < lastTs) {
            throw bad("ts goes backwards: " + tsText);
        }
        lastTs = ts;
        line = lines.lineNumber();
        stats.increment(INDEX);
        return new IndexTick(ts, line, symbolId, price);
    }

    private long time(String text) {
        char first = text.charAt(0);
        if (text.length() >= 20 && text.charAt(4) == '-') {
            try {
                return Timestamps.isoMicros(text);
            } catch (DateTimeException e) {
                throw bad("ts: " + e.getMessage());
            }
        }
        if (!Character.isDigit(first) && first != '-') {
            throw bad("ts is neither ISO-8601 with a zone nor an epoch number: \"" + text + "\"");
        }
        try {
            if (text.indexOf('.') >= 0) {
                long micros = Decimals.scaled(text, 6);
                if (micros == Long.MIN_VALUE || Math.abs(micros) >= 100_000_000_000L * 1_000_000) {
                    throw bad("fractional epoch ts must be seconds with at most 6 decimals: \"" + text + "\"");
                }
                return micros;
            }
            return Timestamps.epochMicros(Long.parseLong(text));
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad("ts is neither ISO-8601 with a zone nor an epoch number: \"" + text + "\"");
        }
    }
}
