package io.kbt.feeds;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.MergedEventSource;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.market.TickSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The files of a {@code kbt backtest --data DIR} (the directory and its subdirectories): recognises recordings
 * by extension and content, each file going to the {@link DataFormat} surest of it ({@code *.jsonl[.gz]} websocket
 * frames; {@code *.json[.gz]} markets or trades pages by their keys; {@code *.csv} index or seed CSV by header,
 * other CSVs skipped with a note; plus any plugin format), reads the markets files for metadata, and streams the
 * selected markets' events from all files merged in (ts, seq) order.
 *
 * <p>{@link #open} first reads every data file once to learn which markets it holds and when; a market without
 * metadata is created from its ticker with a warning and, having no close time, is selected by the New York date
 * of its last event. A seed CSV belongs to the directory's single market (its underlying, default SPX, is the
 * index symbol); an index CSV's symbol is the selected markets' underlying named in its file name, else SPX.
 * Index ticks are kept from the earlier of the selection's start and the first selected market event, to the
 * selection's end.
 */
public final class DataDirectory {
    private static final String DEFAULT_SYMBOL = "SPX";

    private final Path dir;
    private final List<DataFile> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<DataFormat> formats;

    /** Scans {@code dir} and classifies its files by kbt's own formats; reads nothing but their first lines. */
    public DataDirectory(Path dir) {
        this(dir, DataDirectory.class.getClassLoader());
    }

    /** As {@link #DataDirectory(Path)}, with the {@link DataFormat}s {@code formatLoader} finds (plugins). */
    public DataDirectory(Path dir, ClassLoader formatLoader) {
        this.dir = dir;
        this.formats = DataFormats.load(formatLoader);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir.toString(), 0, "not a directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(this::classify);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The data files found, in path order. */
    public List<DataFile> files() {
        return List.copyOf(files);
    }

    /** Files skipped and why. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void classify(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.endsWith(".md") || name.endsWith(".txt")) {
            return;
        }
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String[] head = {null};
        Supplier<String> firstBytes = () -> head[0] != null ? head[0] : (head[0] = head(file, 1 << 16));
        DataFormat best = null;
        int bestScore = 0;
        for (DataFormat format : formats) {
            int score = format.recognise(file, base, firstBytes);
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        if (best != null) {
            files.add(new DataFile(file, best));
        } else if (BuiltInFormats.json(base)) {
            notes.add(file + ": JSON that is neither Kalshi markets nor trades pages; skipped");
        } else if (base.endsWith(".csv")) {
            notes.add(file + ": CSV with columns " + BuiltInFormats.firstLine(firstBytes.get())
                    + " is neither an index (ts,price) nor a seed CSV; skipped");
        } else {
            notes.add(file + ": not a format kbt reads; skipped");
        }
    }

    /**
     * The first bytes of a file as text, gunzipped when it is gzip, without a byte order mark; empty when
     * unreadable.
     */
    private static String head(Path file, int bytes) {
        try (InputStream in = LineSource.openGunzipped(file)) {
            String text = new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
            return text.startsWith("\ufeff") ? text.substring(1) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The selected markets that occur in the data, and one ordered stream of their events and the index ticks
     * over all files. Market ids follow close time, then ticker (as the PostgreSQL source orders them).
     */
    public DataSet open(Selection selection) {
        List<String> warnings = new ArrayList<>(notes);
        Map<String, MarketInfo> metadata = new LinkedHashMap<>();
        for (DataFile file : files) {
            if (file.format().marketMetadata()) {
                for (MarketInfo market : new MarketsJsonReader(file.path()).read()) {
                    metadata.put(market.ticker(), market);
                }
            }
        }
        Map<String, TickSize> tickSizes = new HashMap<>();
        metadata.forEach((ticker, market) -> tickSizes.put(ticker, market.tickSize()));

        // First pass: which markets the data holds, and their time span (first, last) by scan id.
        TickerRegistry scanRegistry = new TickerRegistry(tickSizes);
        List<long[]> spansById = new ArrayList<>();
        for (DataFile file : files) {
            if (file.format().marketMetadata()) {
                continue;
            }
            try (FeedReader reader = reader(file, scanRegistry, metadata, DEFAULT_SYMBOL)) {
                for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                    if (!(event instanceof IndexTick)) {
                        int market = marketOf(event);
                        while (spansById.size() <= market) {
                            spansById.add(new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                        }
                        long[] span = spansById.get(market);
                        span[0] = Math.min(span[0], event.ts());
                        span[1] = Math.max(span[1], event.ts());
                    }
                }
                warnings.addAll(reader.stats().warnings());
            }
        }
        Map<String, long[]> spans = new TreeMap<>();
        for (int id = 0; id < spansById.size(); id++) {
            if (spansById.get(id)[0] != Long.MAX_VALUE) {
                spans.put(scanRegistry.ticker(id), spansById.get(id));
            }
        }

        List<MarketInfo> selected = new ArrayList<>();
        long firstEvent = Long.MAX_VALUE;
        for (Map.Entry<String, long[]> entry : spans.entrySet()) {
            String ticker = entry.getKey();
            MarketInfo info = metadata.get(ticker);
            boolean known = info != null;
            if (!known) {
                info = MarketInfo.fromTicker(ticker);
            }
            long close = info.closeTime() == MarketInfo.UNKNOWN_CLOSE ? entry.getValue()[1] : info.closeTime();
            if (selection.includes(ticker, info.seriesTicker(), close)) {
                if (!known) {
                    warnings.add("market " + ticker + " has no metadata in " + dir
                            + "; created from its ticker (strikes, close time and result unknown)");
                }
                selected.add(info);
                firstEvent = Math.min(firstEvent, entry.getValue()[0]);
            }
        }

        selected.sort(Comparator.comparingLong(MarketInfo::closeTime).thenComparing(MarketInfo::ticker));
        TickerRegistry registry = new TickerRegistry(tickSizes);
        List<Market> markets = new ArrayList<>();
        for (MarketInfo info : selected) {
            markets.add(info.toMarket(registry.marketId(info.ticker())));
        }
        List<String> underlyings = selected.stream().map(MarketInfo::underlying)
                .filter(u -> u != null).distinct().toList();
        int marketCount = markets.size();
        long indexFrom = Math.min(selection.fromMicros(), firstEvent);
        long indexTo = selection.toMicrosExclusive();
        List<EventSource> sources = new ArrayList<>();
        try {
            for (DataFile file : files) {
                if (file.format().marketMetadata()) {
                    continue;
                }
                String symbol = indexSymbol(file, underlyings);
                FeedReader reader = reader(file, registry, metadata, symbol);
                sources.add(new SelectedEvents(reader, marketCount, indexFrom, indexTo));
            }
        } catch (RuntimeException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        Instruments instruments = new Instruments(markets, registry.symbols());
        return new DataSet(instruments, new MergedEventSource(sources), warnings);
    }

    private static String indexSymbol(DataFile file, List<String> underlyings) {
        String name = file.path().getFileName().toString().toUpperCase(Locale.ROOT);
        return underlyings.stream().filter(name::contains).findFirst().orElse(DEFAULT_SYMBOL);
    }

    private FeedReader reader(DataFile file, TickerRegistry registry, Map<String, MarketInfo> metadata,
            String indexSymbol) {
        return file.format().open(file.path(),
                new DataFormat.Context(file.path().toString(), registry, indexSymbol, metadata));
    }

    private static int marketOf(MarketEvent event) {
        return switch (event) {
            case io.kbt.engine.event.BookSnapshot s -> s.market();
            case io.kbt.engine.event.BookDelta d -> d.market();
            case io.kbt.engine.event.Trade t -> t.market();
            case io.kbt.engine.event.MarketClose c -> c.market();
            case IndexTick t -> -1;
        };
    }

    /** The events of one file that a replay wants: selected markets (ids below a bound) and index ticks in time. */
    private static final class SelectedEvents implements EventSource {
        private final FeedReader reader;
        private final int marketCount;
        private final long indexFrom;
        private final long indexTo;

        SelectedEvents(FeedReader reader, int marketCount, long indexFrom, long indexTo) {
            this.reader = reader;
            this.marketCount = marketCount;
            this.indexFrom = indexFrom;
            this.indexTo = indexTo;
        }

        @Override
        public MarketEvent next() {
            for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof IndexTick tick) {
                    if (tick.ts() >= indexFrom && tick.ts() < indexTo) {
                        return event;
                    }
                } else if (marketOf(event) < marketCount) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
