package io.kbt.runner.sweep;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.history.CandleBooks;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.feeds.DataDirectory;
import io.kbt.engine.event.DataSet;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker on another machine needs to run cells, as plain serializable values: where the data is
 * (a directory the workers can read, or a PostgreSQL database they can reach), the shards, the tickers of the whole
 * selection (so per-market results carry the sweep's market ids), the strategy and each set's parameters, and the
 * simulation by name. A worker rebuilds the objects from these and loads only its shard.
 */
public record SweepJob(Source source, List<Shard> shards, List<String> tickers, String strategy,
        List<Map<String, String>> sets, String queue, String fees, boolean reactPerEvent) implements Serializable {

    /** Where the workers read the market data. */
    public sealed interface Source extends Serializable {
        DataSet open(Selection selection);
    }

    /** A {@code --data} directory, at the same path on every worker. */
    public record Files(String directory) implements Source {
        @Override
        public DataSet open(Selection selection) {
            return new DataDirectory(Path.of(directory)).open(selection);
        }
    }

    /**
     * A PostgreSQL database every worker can reach; the connection closes with the data set. Each market's book is
     * recorded or built from the stored candles ({@code book}, {@code displayed} hundredths a side), as in a backtest.
     */
    public record Stored(String host, int port, String database, String user, String password,
            Map<String, String> options, CandleBooks.Mode book, long displayed) implements Source {
        public static Stored of(DbUrl url, CandleBooks.Mode book, long displayed) {
            return new Stored(url.host(), url.port(), url.database(), url.user(), url.password(),
                    new HashMap<>(url.options()), book, displayed);
        }

        @Override
        public DataSet open(Selection selection) {
            Database db = Database.open(new DbUrl(host, port, database, user, password, options));
            try {
                DataSet data = CandleBooks.open(db, selection, book, displayed).data();
                return new DataSet(data.instruments(), new io.kbt.engine.event.EventSource() {
                    @Override
                    public io.kbt.engine.event.MarketEvent next() {
                        return data.events().next();
                    }

                    @Override
                    public void close() {
                        try (db) {
                            data.close();
                        }
                    }
                }, data.warnings());
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }

    public SweepJob {
        shards = List.copyOf(shards);
        tickers = List.copyOf(tickers);
        sets = sets.stream().map(s -> (Map<String, String>) new LinkedHashMap<>(s)).toList();
    }

    public StrategySpec spec(int set) {
        return StrategyCatalog.builtIn().spec(strategy, sets.get(set));
    }

    public ReplayConfig replayConfig() {
        return new ReplayConfig(QueueModels.byName(queue), FeeSchedules.byName(fees), reactPerEvent);
    }

    /** Loads shard {@code shard}'s data alone. */
    public ShardData loadShard(int shard) {
        return ShardLoader.load(shards.get(shard), source::open, tickers);
    }

    /** Runs sets [{@code from}, {@code to}) over a shard's loaded data. */
    public List<CellResult> runCells(ShardData data, int from, int to) {
        ReplayConfig config = replayConfig();
        List<CellResult> results = new java.util.ArrayList<>(to - from);
        for (int set = from; set < to; set++) {
            results.add(CellRun.run(data, set, spec(set), config, false).result());
        }
        return results;
    }
}
