package io.kbt.samples;

import io.kbt.engine.market.Market;
import io.kbt.feeds.write.IndexCsvWriter;
import io.kbt.feeds.write.KalshiWsWriter;
import io.kbt.feeds.write.MarketsJsonWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic synthetic Kalshi data: an S&P 500 path with an INXD event per trading day and the order flow of
 * its markets, written in Kalshi's own formats (websocket JSONL, markets JSON, index CSV) so everything downstream
 * treats it like a recording. The same {@link GeneratorConfig} always gives the same bytes.
 */
public final class Generator {
    private static final long INDEX_STREAM = 0x5158_1d3a_9e37_79b9L;
    private static final long FLOW_STREAM = 0x2545_f491_4f6c_dd1dL;

    private final GeneratorConfig config;

    public Generator(GeneratorConfig config) {
        this.config = config;
    }

    /**
     * Writes {@link GeneratedFiles#MARKETS}, {@link GeneratedFiles#INDEX} and {@link GeneratedFiles#WEBSOCKET}
     * into {@code dir}, creating it and replacing earlier files; with {@code gzip} the index and websocket files
     * are gzipped ({@code .gz} added to their names). The other variant of those files is removed, so a
     * directory never holds the same frames twice for {@code --data DIR} to read.
     */
    public GenerationStats writeTo(Path dir, boolean gzip) {
        try {
            Files.createDirectories(dir);
            String suffix = gzip ? ".gz" : "";
            for (String file : List.of(GeneratedFiles.WEBSOCKET, GeneratedFiles.INDEX)) {
                Files.deleteIfExists(dir.resolve(file + (gzip ? "" : ".gz")));
            }
            try (OutputStream ws = open(dir.resolve(GeneratedFiles.WEBSOCKET + suffix), gzip);
                    OutputStream index = open(dir.resolve(GeneratedFiles.INDEX + suffix), gzip);
                    OutputStream markets = open(dir.resolve(GeneratedFiles.MARKETS), false)) {
                return write(ws, index, markets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated data to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static OutputStream open(Path path, boolean gzip) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        return gzip ? new GZIPOutputStream(file, 1 << 16) : new BufferedOutputStream(file, 1 << 16);
    }

    /** Writes the three streams (flushed, not closed) and returns what was generated. */
    public GenerationStats write(OutputStream websocket, OutputStream indexCsv, OutputStream marketsJson) {
        long started = System.nanoTime();
        IndexPath path = new IndexPath(config, new Rng(config.seed() ^ INDEX_STREAM));
        Rng flowRng = new Rng(config.seed() * 0x9e37_79b9_7f4a_7c15L ^ FLOW_STREAM);
        KalshiWsWriter ws = new KalshiWsWriter(websocket);
        IndexCsvWriter index = new IndexCsvWriter(indexCsv);
        StatsCollector stats = new StatsCollector();
        List<Market> allMarkets = new ArrayList<>();
        for (LocalDate day : TradingDays.from(config.start(), config.days())) {
            double[] levels = path.nextSession();
            long closeCents = Math.round(levels[TradingDays.SESSION_SECONDS] * 100);
            List<Market> markets = InxdEvent.markets(day, config.brackets(), levels[0], closeCents, allMarkets.size());
            allMarkets.addAll(markets);
            MarketFlow[] flows = new MarketFlow[markets.size()];
            for (int m = 0; m < flows.length; m++) {
                flows[m] = new MarketFlow(markets.get(m), flowRng, ws);
            }
            session(TradingDays.openMicros(day), levels, new FairValues(markets, config.dailyVol()), flows, index, stats);
            stats.endSession(flows, closeCents / 100.0);
        }
        ws.flush();
        index.flush();
        MarketsJsonWriter.write(allMarkets, marketsJson);
        return stats.stats(allMarkets.size(), ws.frames(), index.ticks(), config.dailyVol(), System.nanoTime() - started);
    }

    /**
     * One session: the snapshots at the open, then second by second an index tick and the agents' actions of all
     * markets in time order (an action's time is the second plus its offset, so within a second markets interleave).
     */
    private static void session(long open, double[] levels, FairValues fairs, MarketFlow[] flows, IndexCsvWriter index,
            StatsCollector stats) {
        fairs.update(levels[0], TradingDays.SESSION_SECONDS);
        for (int m = 0; m < flows.length; m++) {
            flows[m].open(open, fairs.fair(m));
        }
        long[] actions = new long[flows.length * MarketFlow.MAX_ACTIONS_PER_SECOND];
        for (int s = 0; s < TradingDays.SESSION_SECONDS; s++) {
            long second = open + s * 1_000_000L;
            index.tick(second, levels[s]);
            fairs.update(levels[s], TradingDays.SESSION_SECONDS - s);
            int count = 0;
            for (int m = 0; m < flows.length; m++) {
                count = flows[m].schedule(s, fairs.fair(m), m, actions, count);
            }
            Arrays.sort(actions, 0, count);
            for (int a = 0; a < count; a++) {
                long key = actions[a];
                flows[MarketFlow.marketOf(key)].act(MarketFlow.kindOf(key), MarketFlow.agentOf(key),
                        second + MarketFlow.offsetOf(key));
            }
            stats.sampleSpreads(flows);
            stats.indexStep(Math.round(levels[s] * 100), Math.round(levels[s + 1] * 100));
        }
        index.tick(open + TradingDays.SESSION_SECONDS * 1_000_000L, levels[TradingDays.SESSION_SECONDS]);
    }
}
