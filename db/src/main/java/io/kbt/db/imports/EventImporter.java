package io.kbt.db.imports;

import static io.kbt.db.jooq.Tables.IMPORT_BATCH;

import io.kbt.db.Database;
import io.kbt.db.copy.BinaryCopyWriter;
import io.kbt.db.jooq.tables.records.ImportBatchRecord;
import io.kbt.db.market.MarketStore;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.WsStreamState;
import io.kbt.feeds.TickerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Loads one recorded file into the event tables in one transaction: reads it through its {@link FeedReader},
 * checks what the reader cannot see alone (time going backwards per market, a delta before its market's
 * snapshot), resolves tickers to stored markets (creating unknown ones from the ticker, with a warning), writes
 * the rows as binary COPY data and COPYs them in; the monthly partitions they need are created beforehand, outside
 * the transaction ({@link Partitions}). Before committing, {@link ImportIdentity} drops what the store already
 * holds (by {@code trade_id}, or the same events of a market or symbol over the same time) and refuses what would
 * contradict it. Anything bad rolls the whole file back. A file already imported with the same meaning (same
 * sha256, kind and options) adds nothing, without being read.
 */
public final class EventImporter {
    private static final int PROGRESS_EVERY = 8192;
    /**
     * The advisory lock an import holds (transaction-scoped) from settling what is new, or from creating a market
     * from its ticker, to its commit: imports settle one after the other.
     */
    public static final long IDENTITY_LOCK = ImportIdentity.LOCK;

    /** Opens a reader for one file, given the registry that assigns its ids. */
    @FunctionalInterface
    public interface ReaderFactory {
        FeedReader open(TickerRegistry registry);
    }

    /**
     * One file to import. {@code options} names whatever changes the file's meaning (e.g. the market of a seed CSV)
     * and is part of its identity; {@code snapshotFirst} requires each market's first book event to be a snapshot
     * (or its book to be carried over from the recording's previous file).
     */
    public record Request(String kind, Path file, String options, boolean snapshotFirst, ReaderFactory reader) {}

    private final Database db;
    private final ImportProgress progress;
    private final int chunkBytes;
    private final Partitions partitions;

    public EventImporter(Database db, ImportProgress progress) {
        this(db, progress, CopyPipeline.CHUNK_BYTES);
    }

    /** With COPY chunks of about {@code chunkBytes} (tests make them small to exercise many). */
    EventImporter(Database db, ImportProgress progress, int chunkBytes) {
        this.db = db;
        this.progress = progress;
        this.chunkBytes = chunkBytes;
        this.partitions = new Partitions(db);
    }

    public ImportReport importFile(Request request) {
        return importFile(request, false);
    }

    /**
     * Imports one file; with {@code replace}, events of a market or symbol that differ from what earlier imports
     * stored over the same time replace those imports' events of it (atomically), instead of being refused.
     */
    public ImportReport importFile(Request request, boolean replace) {
        long started = System.nanoTime();
        String name = request.file().toString();
        String sha256 = Sha256.of(request.file(), name);
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            try {
                ImportReport report = load(connection, request, sha256, replace, started);
                connection.commit();
                return report;
            } catch (RuntimeException | SQLException | IOException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw db.failure(name + ": import failed in the database", e);
        } catch (RuntimeException e) {
            throw Database.connectionLost(e) ? db.failure(name + ": import failed in the database", e) : e;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } finally {
            progress.done();
        }
    }

    /** Rolls back; a connection already lost has nothing left to roll back, and the first failure is the news. */
    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private ImportReport load(Connection connection, Request request, String sha256, boolean replace, long started)
            throws SQLException, IOException {
        String name = request.file().toString();
        DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
        // two imports of the same file at once: the second waits and then finds the first's batch
        dsl.execute("select pg_advisory_xact_lock(hashtext({0}))", sha256);
        ImportBatchRecord previous = dsl.selectFrom(IMPORT_BATCH)
                .where(IMPORT_BATCH.SHA256.eq(sha256), IMPORT_BATCH.KIND.eq(request.kind()),
                        IMPORT_BATCH.OPTIONS.eq(request.options()))
                .fetchOne();
        if (previous != null) {
            return ImportReport.alreadyImported(request.kind(), name, previous.getId(), previous.getImportedAt(),
                    seconds(started));
        }
        ImportBatchRecord batch = dsl.newRecord(IMPORT_BATCH);
        batch.setKind(request.kind());
        batch.setFileName(request.file().getFileName().toString());
        batch.setSha256(sha256);
        batch.setOptions(request.options());
        batch.store();

        MarketStore markets = new MarketStore(dsl);
        TickerRegistry registry = new TickerRegistry(markets.tickSizes());
        try (CopyPipeline pipeline = new CopyPipeline(connection, partitions, chunkBytes)) {
            Reading reading = new Reading(batch.getId(), markets, registry, request.snapshotFirst(), pipeline);
            progress.start(name, Files.size(request.file()));
            Map<String, Long> readerCounts;
            List<String> warnings = new ArrayList<>();
            try (FeedReader reader = request.reader().open(registry)) {
                if (reader instanceof KalshiWsReader ws) {
                    ws.continuing(pipeline.call(() -> recordingStates(dsl, batch.getId())));
                }
                reading.readAll(reader);
                readerCounts = reader.stats().counts();
                warnings.addAll(reader.stats().warnings());
                if (reader instanceof KalshiWsReader ws) {
                    batch.setWsEnd(ws.endState().toJson());
                }
            }
            warnings.addAll(reading.warnings);
            progress.loading();
            pipeline.finish();
            ImportIdentity.Outcome identity = new ImportIdentity(connection, batch.getId(), name, replace)
                    .settle(reading.streams(), reading.tradeKeys);
            long[] duplicates = identity.duplicates();
            long[] added = new long[duplicates.length];
            for (EventTable table : EventTable.values()) {
                added[table.ordinal()] = pipeline.rows(table) - duplicates[table.ordinal()];
            }
            batch.setSnapshots(added[EventTable.BOOK_SNAPSHOT.ordinal()]);
            batch.setDeltas(added[EventTable.BOOK_DELTA.ordinal()]);
            batch.setTrades(added[EventTable.TRADE.ordinal()]);
            batch.setIndexTicks(added[EventTable.INDEX_TICK.ordinal()]);
            batch.setMarketsCreated(reading.marketsCreated);
            if (reading.events > 0) {
                batch.setFirstTs(MarketStore.time(reading.firstTs));
                batch.setLastTs(MarketStore.time(reading.lastTs));
            }
            batch.setSeconds(seconds(started));
            batch.store();
            return new ImportReport(request.kind(), name, batch.getId(), null, batch.getSnapshots(),
                    batch.getDeltas(), batch.getTrades(), batch.getIndexTicks(), reading.marketsCreated,
                    reading.firstTs, reading.lastTs, batch.getSeconds(), readerCounts, warnings,
                    Arrays.stream(duplicates).sum(), identity.replaced());
        }
    }

    /**
     * Where the stored websocket recordings ended ({@code import_batch.ws_end}), but for batch {@code except}: the
     * states a recording file continues ({@link KalshiWsReader#continuing}).
     */
    static List<WsStreamState> recordingStates(DSLContext dsl, int except) {
        return dsl.select(IMPORT_BATCH.WS_END).from(IMPORT_BATCH)
                .where(IMPORT_BATCH.WS_END.isNotNull(), IMPORT_BATCH.ID.ne(except))
                .fetch(r -> WsStreamState.fromJson(r.value1()));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The state of reading one file: id maps, per-market checks, counters. */
    private final class Reading {
        private final int batchId;
        private final MarketStore markets;
        private final TickerRegistry registry;
        private final boolean snapshotFirst;
        private final CopyPipeline pipeline;
        private final List<String> warnings = new ArrayList<>();
        private final StreamSpans marketSpans = new StreamSpans();
        private final StreamSpans symbolSpans = new StreamSpans();
        private final ImportIdentity.TradeKeys tradeKeys = new ImportIdentity.TradeKeys();
        private int[] storedMarket = new int[0];
        private long[] lastMarketTs = new long[0];
        private boolean[] snapshotSeen = new boolean[0];
        private String[] symbols = new String[0];
        private long[] lastSymbolTs = new long[0];
        private int marketsCreated;
        private long events;
        private long firstTs;
        private long lastTs;
        private long previousTs = Long.MIN_VALUE;
        private long previousSeq = Long.MIN_VALUE;
        private int sub;
        private final int[] prices = new int[256];
        private final long[] quantities = new long[256];

        Reading(int batchId, MarketStore markets, TickerRegistry registry, boolean snapshotFirst, CopyPipeline pipeline) {
            this.batchId = batchId;
            this.markets = markets;
            this.registry = registry;
            this.snapshotFirst = snapshotFirst;
            this.pipeline = pipeline;
        }

        void readAll(FeedReader reader) throws IOException {
            for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                if (event.ts() == previousTs && event.seq() == previousSeq) {
                    if (++sub > Short.MAX_VALUE) {
                        throw new BadInputException(reader.sourceName(), reader.line(),
                                "more than " + Short.MAX_VALUE + " events share one time and seq");
                    }
                } else {
                    sub = 0;
                    previousTs = event.ts();
                    previousSeq = event.seq();
                }
                write(reader, event);
                if (events == 0) {
                    firstTs = event.ts();
                    lastTs = event.ts();
                }
                firstTs = Math.min(firstTs, event.ts());
                lastTs = Math.max(lastTs, event.ts());
                if (++events % PROGRESS_EVERY == 0) {
                    progress.read(events);
                }
            }
            progress.read(events);
        }

        private void write(FeedReader reader, MarketEvent event) throws IOException {
            switch (event) {
                case BookSnapshot s -> {
                    int market = market(reader, s.market(), s.ts());
                    snapshotSeen[s.market()] = true;
                    marketSpans.add(s.market(), s.ts(), reader.line());
                    BinaryCopyWriter w = pipeline.row(EventTable.BOOK_SNAPSHOT, s.ts());
                    w.row(9).timestamp(s.ts()).int8(s.seq()).int4(batchId).int4(market).int2(sub);
                    levels(w, s.yesBids());
                    levels(w, s.noBids());
                }
                case BookDelta d -> {
                    int market = market(reader, d.market(), d.ts());
                    if (snapshotFirst && !snapshotSeen[d.market()] && !reader.bookContinued(d.market())) {
                        throw new BadInputException(reader.sourceName(), reader.line(), "delta for "
                                + ticker(d.market()) + " before any snapshot of its book in this file");
                    }
                    marketSpans.add(d.market(), d.ts(), reader.line());
                    pipeline.row(EventTable.BOOK_DELTA, d.ts()).row(8).timestamp(d.ts()).int8(d.seq())
                            .int8(d.delta()).int4(batchId).int4(market).int4(d.price()).int2(d.side().code())
                            .int2(sub);
                }
                case Trade t -> {
                    int market = market(reader, t.market(), t.ts());
                    String tradeId = reader.tradeId();
                    if (tradeId == null) {
                        marketSpans.add(t.market(), t.ts(), reader.line());
                    } else {
                        tradeKeys.add(tradeId, t.ts(), t.seq(), t.count(), market, t.yesPrice(),
                                t.takerSide().code(), reader.line());
                    }
                    pipeline.row(EventTable.TRADE, t.ts()).row(8).timestamp(t.ts()).int8(t.seq())
                            .int8(t.count()).int4(batchId).int4(market).int4(t.yesPrice())
                            .int2(t.takerSide().code()).int2(sub);
                }
                case IndexTick i -> {
                    String symbol = symbol(reader, i.symbol(), i.ts());
                    symbolSpans.add(i.symbol(), i.ts(), reader.line());
                    pipeline.row(EventTable.INDEX_TICK, i.ts()).row(6).timestamp(i.ts()).int8(i.seq())
                            .float8(i.level()).int4(batchId).int2(sub).text(symbol);
                }
                case MarketClose c -> throw new BadInputException(reader.sourceName(), reader.line(),
                        "a recording cannot close a market (" + ticker(c.market()) + ")");
            }
        }

        private void levels(BinaryCopyWriter w, List<Level> levels) throws IOException {
            int n = levels.size();
            int[] p = n <= prices.length ? prices : new int[n];
            long[] q = n <= quantities.length ? quantities : new long[n];
            for (int i = 0; i < n; i++) {
                p[i] = levels.get(i).price();
                q[i] = levels.get(i).quantity();
            }
            w.int4Array(p, n).int8Array(q, n);
        }

        /** The stored id of the reader's market {@code id}, checking its time does not go backwards. */
        private int market(FeedReader reader, int id, long ts) {
            if (id >= storedMarket.length) {
                int size = Math.max(id + 1, storedMarket.length * 2);
                int old = storedMarket.length;
                storedMarket = Arrays.copyOf(storedMarket, size);
                Arrays.fill(storedMarket, old, size, -1);
                lastMarketTs = Arrays.copyOf(lastMarketTs, size);
                Arrays.fill(lastMarketTs, old, size, Long.MIN_VALUE);
                snapshotSeen = Arrays.copyOf(snapshotSeen, size);
            }
            if (storedMarket[id] < 0) {
                String ticker = ticker(id);
                Integer stored = pipeline.call(() -> markets.id(ticker));
                if (stored == null) {
                    stored = pipeline.call(() -> {
                        // holding the identity lock from here to commit keeps two imports that both create
                        // markets from waiting on each other's new rows
                        markets.dsl().execute("select pg_advisory_xact_lock(" + ImportIdentity.LOCK + ")");
                        Integer created = markets.id(ticker);
                        return created != null ? created : markets.createFromTicker(ticker);
                    });
                    marketsCreated++;
                    warnings.add("market " + ticker + " was not in the store: created from its ticker"
                            + " (kbt import markets completes it)");
                }
                storedMarket[id] = stored;
            }
            if (ts < lastMarketTs[id]) {
                throw new BadInputException(reader.sourceName(), reader.line(), "time goes backwards for "
                        + ticker(id) + ": " + instant(ts) + " after " + instant(lastMarketTs[id]));
            }
            lastMarketTs[id] = ts;
            return storedMarket[id];
        }

        private String symbol(FeedReader reader, int id, long ts) {
            if (id >= symbols.length) {
                int size = Math.max(id + 1, symbols.length * 2);
                int old = symbols.length;
                symbols = Arrays.copyOf(symbols, size);
                lastSymbolTs = Arrays.copyOf(lastSymbolTs, size);
                Arrays.fill(lastSymbolTs, old, size, Long.MIN_VALUE);
            }
            if (symbols[id] == null) {
                symbols[id] = registry.symbols().get(id);
            }
            if (ts < lastSymbolTs[id]) {
                throw new BadInputException(reader.sourceName(), reader.line(), "time goes backwards for "
                        + symbols[id] + ": " + instant(ts) + " after " + instant(lastSymbolTs[id]));
            }
            lastSymbolTs[id] = ts;
            return symbols[id];
        }

        private String ticker(int id) {
            return registry.ticker(id);
        }

        /** The streams of the file in a fixed order: markets by stored id, then symbols by name. */
        List<ImportIdentity.Stream> streams() {
            List<ImportIdentity.Stream> streams = marketSpans.marketStreams(id -> storedMarket[id], this::ticker);
            List<ImportIdentity.Stream> indexes = new ArrayList<>();
            for (int id = 0; id < symbolSpans.size(); id++) {
                if (symbolSpans.events(id) > 0) {
                    indexes.add(new ImportIdentity.Stream(null, symbols[id], symbols[id], symbolSpans.first(id),
                            symbolSpans.last(id), symbolSpans.events(id), symbolSpans.firstLine(id)));
                }
            }
            indexes.sort(Comparator.comparing(ImportIdentity.Stream::symbol));
            streams.addAll(indexes);
            return streams;
        }
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plusNanos(micros * 1000).atOffset(ZoneOffset.UTC).toInstant();
    }
}
