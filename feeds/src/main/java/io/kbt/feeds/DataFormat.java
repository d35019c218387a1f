package io.kbt.feeds;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The data-format extension point of {@code kbt backtest --data DIR}: a named file format that recognises its
 * files and reads them as engine events. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.kbt.feeds.DataFormat}); the built-in Kalshi and index formats are implementations
 * too ({@link BuiltInFormats}). Needs a public no-argument constructor and no state.
 */
public interface DataFormat {
    /** What the format reads, for the file a reader is given. */
    record Context(String sourceName, TickerRegistry registry, String indexSymbol, Map<String, MarketInfo> markets) {}

    /** The format's name, e.g. {@code kalshi-ws}. */
    String name();

    /** One line for notes and help. */
    String description();

    /**
     * How sure the format is that {@code file} is one of its own, from its name ({@code fileName}: lower case,
     * {@code .gz} removed) and first bytes ({@code head}: gunzipped text, read on first use): 0 not at all; the
     * format scoring highest reads the file (the built-ins score 1 to 5).
     */
    int recognise(Path file, String fileName, Supplier<String> head);

    /** Whether files of this format hold market metadata ({@link MarketsJsonReader}) rather than events. */
    default boolean marketMetadata() {
        return false;
    }

    /** A reader of {@code file}'s events; {@link BadInputException} when the file cannot be read as this format. */
    FeedReader open(Path file, Context context);
}
