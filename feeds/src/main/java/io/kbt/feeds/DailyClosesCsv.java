package io.kbt.feeds;

import io.kbt.engine.market.DailyClose;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A daily closes file for {@code kbt fit --closes}: {@code date,close} (ISO date, index close), an optional
 * {@code date,close} header, dates strictly increasing. Anything else is a {@link BadInputException} with the
 * file and line.
 */
public final class DailyClosesCsv {
    private DailyClosesCsv() {}

    /** The closes of {@code file} dated within [from, to] (either may be null: unbounded). */
    public static List<DailyClose> read(Path file, LocalDate from, LocalDate to) {
        String source = file.toString();
        List<DailyClose> closes = new ArrayList<>();
        LocalDate previous = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (lineNumber == 1 && cells.length == 2
                        && cells[0].strip().toLowerCase(Locale.ROOT).equals("date")
                        && cells[1].strip().toLowerCase(Locale.ROOT).equals("close")) {
                    continue;
                }
                if (cells.length != 2) {
                    throw new BadInputException(source, lineNumber, "expected 2 columns date,close, found "
                            + cells.length + ": " + abbreviated(line));
                }
                LocalDate date = date(cells[0].strip(), source, lineNumber);
                double close = close(cells[1].strip(), source, lineNumber);
                if (previous != null && !date.isAfter(previous)) {
                    throw new BadInputException(source, lineNumber, "date " + date + " does not come after "
                            + previous + " (dates must increase)");
                }
                previous = date;
                if ((from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to))) {
                    closes.add(new DailyClose(date, close));
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(source, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        return closes;
    }

    private static LocalDate date(String text, String source, long line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(source, line, "date '" + abbreviated(text) + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static double close(String text, String source, long line) {
        double close;
        try {
            close = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(source, line, "close '" + abbreviated(text) + "' is not a number");
        }
        if (!(close > 0) || !Double.isFinite(close)) {
            throw new BadInputException(source, line, "close " + text + " must be a positive finite number");
        }
        return close;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
