package io.kbt.cli;

import io.kbt.cli.backtest.LoadedData;
import io.kbt.db.Database;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.feeds.DataDirectory;
import io.kbt.feeds.DataSet;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code kbt backtest} and {@code kbt sweep} share: the market selection, the strategy and the simulation. */
final class RunOptions {
    /** When the strategy reacts: after each batch of equal-timestamp events, or after every event. */
    enum React {
        BATCH,
        EVENT
    }

    @Option(names = "--from", required = true, paramLabel = "DATE",
            description = "First New York trading day (YYYY-MM-DD); a market is in range when it closes within it.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last New York trading day (default: --from).")
    LocalDate to;

    @Option(names = "--series", paramLabel = "S", description = "Series to replay, e.g. INXD (repeatable).")
    List<String> series = new ArrayList<>();

    @Option(names = "--market", paramLabel = "TICKER", description = "Market to replay (repeatable).")
    List<String> markets = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Replay the recordings in DIR directly instead of PostgreSQL (files found by extension).")
    Path data;

    @Option(names = "--strategy", defaultValue = "cauchy", paramLabel = "NAME",
            description = "Strategy: cauchy or normal (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Strategy parameter, e.g. --set halfSpread=2 --set preset=seed (repeatable; overrides --config).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy parameters from a JSON or YAML file.")
    Path config;

    @Option(names = "--queue", defaultValue = QueueModels.DEFAULT, paramLabel = "MODEL",
            description = "Queue model: risk-averse, prob[:n=N] or optimistic (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--fees", defaultValue = FeeSchedules.DEFAULT, paramLabel = "NAME",
            description = "Fee schedule: none, standard, standard-maker or taker=R[,maker=M] (default: ${DEFAULT-VALUE}).")
    String fees;

    @Option(names = "--react", defaultValue = "batch", paramLabel = "WHEN",
            description = "Strategy reacts after each batch of equal-timestamp events or each event: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    React react;

    @Mixin
    DatabaseOptions db;

    Selection selection() {
        try {
            return new Selection(series, markets, from, to != null ? to : from);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    StrategySpec strategySpec() {
        Map<String, String> merged = new LinkedHashMap<>();
        if (config != null) {
            merged.putAll(StrategyCatalog.readConfig(config));
        }
        merged.putAll(settings);
        return StrategyCatalog.spec(strategy, merged);
    }

    ReplayConfig replayConfig() {
        try {
            return ReplayConfig.defaults()
                    .withQueueModel(QueueModels.byName(queue))
                    .withFees(FeeSchedules.byName(fees))
                    .withReactPerEvent(react == React.EVENT);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean fromFiles() {
        return data != null;
    }

    /**
     * Opens a selection from {@code --data DIR}, or else from the database {@code store}, refusing one that matches
     * no market.
     */
    Function<Selection, DataSet> opener(Database store) {
        Function<Selection, DataSet> open = data != null ? new DataDirectory(data)::open : new StoredData(store)::open;
        String origin = data != null ? data.toString() : "PostgreSQL " + store.url().describe();
        return selection -> {
            DataSet opened = open.apply(selection);
            if (opened.instruments().markets().isEmpty()) {
                opened.close();
                throw new UsageException("no market in " + origin + " matches the selection " + selection.from()
                        + " to " + selection.to());
            }
            return opened;
        };
    }

    /** The selection's markets, without streaming their events from the database. */
    Instruments instruments(Database store) {
        Instruments instruments;
        if (data != null) {
            try (DataSet opened = new DataDirectory(data).open(selection())) {
                instruments = opened.instruments();
            }
        } else {
            instruments = new StoredData(store).select(selection()).instruments();
        }
        if (instruments.markets().isEmpty()) {
            throw new UsageException("no market in " + (data != null ? data.toString() : "PostgreSQL "
                    + store.url().describe()) + " matches the selection " + selection().from() + " to "
                    + selection().to());
        }
        return instruments;
    }

    /** Loads the selection from {@code --data DIR}, or else from the database {@code store}. */
    LoadedData load(Database store) {
        if (data != null) {
            return LoadedData.load(new DataDirectory(data)::open, selection(), data.toString());
        }
        return LoadedData.load(new StoredData(store)::open, selection(), "PostgreSQL " + store.url().describe());
    }
}
