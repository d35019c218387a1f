package io.kbt.feeds;

import io.kbt.engine.concurrent.Tasks;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.MergedEventSource;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.replay.EventColumns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The files of a {@code kbt backtest --data DIR} (the directory and its subdirectories): recognises recordings
 * by extension and content, each file going to the {@link DataFormat} surest of it ({@code *.jsonl[.gz]} websocket
 * frames; {@code *.json[.gz]} markets or trades pages by their keys; {@code *.csv} index or seed CSV by header,
 * other CSVs skipped with a note; plus any plugin format), reads the markets files for metadata, and streams the
 * selected markets' events from all files merged in (ts, seq) order.
 *
 * <p>{@link #open} decodes every data file once, holding its events, to learn which markets it holds and when,
 * then hands the selected ones on renumbered for the selection (never decoding a file twice); a market without
 * metadata is created from its ticker with a warning and, having no close time, is selected by the New York date
 * of its last event. A seed CSV belongs to the directory's single market (its underlying, default SPX, is the
 * index symbol); an index CSV's symbol is the selected markets' underlying named in its file name, else SPX.
 * Index ticks are kept from the earlier of the selection's start and the first selected market event, to the
 * selection's end.
 */
public final class DataDirectory {
    private static final String DEFAULT_SYMBOL = "SPX";
    /** The index symbol the scan gives files whose symbol depends on the selection (see {@link #symbolIds}). */
    private static final String SYMBOL_OF_SELECTION = "\u0000index of the selection";

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

        // Every file is decoded once, here, on as many threads as there are cores (each with its own scan ids):
        // which markets the data holds, their time span (first, last), and the events themselves, which are then
        // renumbered for the selection instead of read again.
        List<DataFile> eventFiles = files.stream().filter(file -> !file.format().marketMetadata()).toList();
        List<Decoded> decoded = decodeAll(eventFiles, tickSizes, metadata, selection);
        Map<String, long[]> spans = new TreeMap<>();
        for (Decoded file : decoded) {
            warnings.addAll(file.warnings());
            for (int id = 0; id < file.spansById().size(); id++) {
                long[] span = file.spansById().get(id);
                if (span[0] != Long.MAX_VALUE) {
                    spans.merge(file.registry().ticker(id), span.clone(),
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
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
        long indexFrom = Math.min(selection.fromMicros(), firstEvent);
        long indexTo = selection.toMicrosExclusive();
        List<EventSource> sources = new ArrayList<>();
        for (int i = 0; i < eventFiles.size(); i++) {
            Decoded file = decoded.get(i);
            int[] finalIds = new int[file.spansById().size()];
            for (int id = 0; id < finalIds.length; id++) {
                String ticker = file.registry().ticker(id);
                finalIds[id] = registry.knows(ticker) ? registry.marketId(ticker) : -1;
            }
            sources.add(new SelectedEvents(file.events(), finalIds, symbolIds(file.events(), file.registry(),
                    registry, indexSymbol(eventFiles.get(i), underlyings)), indexFrom, indexTo));
        }
        Instruments instruments = new Instruments(markets, registry.symbols());
        return new DataSet(instruments, new MergedEventSource(sources), warnings);
    }

    /** One file decoded: its events (those that may be selected), its scan ids, spans by scan id, warnings. */
    private record Decoded(EventColumns events, TickerRegistry registry, List<long[]> spansById,
            List<String> warnings) {}

    /**
     * Decodes {@code eventFiles} on a pool of one thread per core (at most one per file); the first failure in file
     * order is thrown, as reading them one after another would.
     */
    private List<Decoded> decodeAll(List<DataFile> eventFiles, Map<String, TickSize> tickSizes,
            Map<String, MarketInfo> metadata, Selection selection) {
        if (eventFiles.size() <= 1) {
            return eventFiles.stream().map(file -> decode(file, tickSizes, metadata, selection)).toList();
        }
        int threads = Math.min(eventFiles.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("kbt-decode-", 0).factory());
        try {
            List<Future<Decoded>> tasks = new ArrayList<>();
            for (DataFile file : eventFiles) {
                tasks.add(pool.submit(() -> decode(file, tickSizes, metadata, selection)));
            }
            List<Decoded> decoded = new ArrayList<>();
            for (Future<Decoded> task : tasks) {
                decoded.add(Tasks.result(task, "decoding files"));
            }
            return decoded;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One file's events, not holding those of markets the metadata already rules out (the rest wait for the
     * selection) nor index ticks after the selection.
     */
    private Decoded decode(DataFile file, Map<String, TickSize> tickSizes, Map<String, MarketInfo> metadata,
            Selection selection) {
        TickerRegistry scanRegistry = new TickerRegistry(tickSizes);
        List<long[]> spansById = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        EventColumns events = new EventColumns(1 << 16);
        try (FeedReader reader = reader(file, scanRegistry, metadata, SYMBOL_OF_SELECTION)) {
            for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof IndexTick) {
                    if (event.ts() < selection.toMicrosExclusive()) {
                        events.add(event);
                    }
                    continue;
                }
                int market = marketOf(event);
                while (spansById.size() <= market) {
                    spansById.add(new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                    held.add(null);
                }
                long[] span = spansById.get(market);
                span[0] = Math.min(span[0], event.ts());
                span[1] = Math.max(span[1], event.ts());
                if (held.get(market) == null) {
                    held.set(market, mayBeSelected(scanRegistry.ticker(market), metadata, selection));
                }
                if (held.get(market)) {
                    events.add(event);
                }
            }
            return new Decoded(events, scanRegistry, spansById, reader.stats().warnings());
        }
    }

    private static String indexSymbol(DataFile file, List<String> underlyings) {
        String name = file.path().getFileName().toString().toUpperCase(Locale.ROOT);
        return underlyings.stream().filter(name::contains).findFirst().orElse(DEFAULT_SYMBOL);
    }

    /** False when {@code ticker}'s metadata shows that the selection leaves it out; true when it may not. */
    private static boolean mayBeSelected(String ticker, Map<String, MarketInfo> metadata, Selection selection) {
        MarketInfo info = metadata.get(ticker);
        return info == null || info.closeTime() == MarketInfo.UNKNOWN_CLOSE
                || selection.includes(ticker, info.seriesTicker(), info.closeTime());
    }

    /**
     * For each symbol id of the scan, the selection's id of that symbol, registered in the order the file's ticks
     * first name them (files in order, as readers opened in turn would number them); {@code selectionSymbol} stands
     * in for the scan's placeholder.
     */
    private static int[] symbolIds(EventColumns events, TickerRegistry scanRegistry, TickerRegistry registry,
            String selectionSymbol) {
        int[] ids = new int[scanRegistry.symbols().size()];
        Arrays.fill(ids, -1);
        for (int i = 0; i < events.size(); i++) {
            if (events.isIndexTick(i) && ids[events.instrument(i)] < 0) {
                String name = scanRegistry.symbols().get(events.instrument(i));
                ids[events.instrument(i)] = registry.symbolId(name.equals(SYMBOL_OF_SELECTION) ? selectionSymbol : name);
            }
        }
        return ids;
    }

    private FeedReader reader(DataFile file, TickerRegistry registry, Map<String, MarketInfo> metadata,
            String indexSymbol) {
        return file.format().open(file.path(),
                new DataFormat.Context(file.path().toString(), registry, indexSymbol, metadata));
    }

    private static int marketOf(MarketEvent event) {
        return switch (event) {
            case BookSnapshot s -> s.market();
            case BookDelta d -> d.market();
            case Trade t -> t.market();
            case MarketClose c -> c.market();
            case IndexTick t -> -1;
        };
    }

    /**
     * The events of one decoded file that a replay wants, renumbered for it: selected markets (others dropped) and
     * index ticks in time, under the file's final symbol.
     */
    private static final class SelectedEvents implements EventSource {
        private EventColumns events;
        private final int[] finalIds;
        private final int[] symbolIds;
        private final long indexFrom;
        private final long indexTo;
        private int next;

        SelectedEvents(EventColumns events, int[] finalIds, int[] symbolIds, long indexFrom, long indexTo) {
            this.events = events;
            this.finalIds = finalIds;
            this.symbolIds = symbolIds;
            this.indexFrom = indexFrom;
            this.indexTo = indexTo;
        }

        @Override
        public MarketEvent next() {
            if (events == null) {
                return null;
            }
            while (next < events.size()) {
                int i = next++;
                if (events.isIndexTick(i)) {
                    long ts = events.ts(i);
                    if (ts >= indexFrom && ts < indexTo) {
                        return events.event(i, symbolIds[events.instrument(i)]);
                    }
                } else if (finalIds[events.instrument(i)] >= 0) {
                    return events.event(i, finalIds[events.instrument(i)]);
                }
            }
            // Read to the end: the columns are not needed again.
            events = null;
            return null;
        }
    }
}
