package io.kbt.cli;

import io.kbt.cli.backtest.LoadedData;
import io.kbt.db.Database;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.history.FeeChangeStore;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.fees.KalshiFeeSchedule;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.feeds.DataDirectory;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            description = "Fee schedule: none, standard, standard-maker, taker=R[,maker=M], or kalshi (each series' "
                    + "fetched fee history at each fill's time; standard where there is none) (default: ${DEFAULT-VALUE}).")
    String fees;

    @Option(names = "--book", paramLabel = "SOURCE",
            description = "Book: recorded, or candles (a top of book built from fetched one-minute candles). Default: "
                    + "recorded, and candles (with a warning) for markets with trades and candles but no recorded book.")
    String book;

    @Option(names = "--candle-size", paramLabel = "CONTRACTS", defaultValue = "10",
            description = "Displayed size of each side of a book built from candles (default: ${DEFAULT-VALUE}).")
    long candleSize;

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
                    .withFees(kalshiFees() ? FeeSchedules.standard() : FeeSchedules.byName(fees))
                    .withReactPerEvent(react == React.EVENT);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean kalshiFees() {
        return fees.trim().equals(KalshiFeeSchedule.NAME);
    }

    /** {@code --fees kalshi}: the fetched fee changes of the loaded markets' series. */
    KalshiFeeSchedule kalshiFeeSchedule(Database store, Instruments instruments) {
        if (store == null) {
            throw new UsageException("--fees kalshi reads fee changes from PostgreSQL (kbt fetch fees); not with --data");
        }
        List<String> seriesTickers = instruments.markets().stream().map(m -> m.seriesTicker()).distinct().toList();
        List<KalshiFeeSchedule.Change> changes = new ArrayList<>();
        for (FeeChangeStore.FeeChange c : new FeeChangeStore(store.dsl()).of(seriesTickers)) {
            changes.add(new KalshiFeeSchedule.Change(c.seriesTicker(), c.scheduledTs(),
                    KalshiFeeSchedule.FeeType.of(c.feeType()), c.multiplier()));
        }
        return new KalshiFeeSchedule(changes, FeeSchedules.standard());
    }

    /** Queue position behind a book built from candles is unknowable: only optimistic and fraction make sense. */
    void warnAboutQueueOnCandles(LoadedData loaded, java.io.PrintWriter err) {
        boolean candles = loaded.bookSources().containsValue(CandleBooks.CANDLES);
        String q = queue.trim();
        if (candles && !q.equals("optimistic") && !q.startsWith("fraction:")) {
            err.println("kbt: warning: --queue " + q + " on a book built from candles: the queue ahead is unknowable "
                    + "there; use --queue optimistic or --queue fraction:f=F");
        }
    }

    private CandleBooks.Mode bookMode() {
        if (book == null) {
            return CandleBooks.Mode.AUTO;
        }
        return switch (book.trim()) {
            case "recorded" -> CandleBooks.Mode.RECORDED;
            case "candles" -> CandleBooks.Mode.CANDLES;
            default -> throw new UsageException("--book must be recorded or candles, was '" + book + "'");
        };
    }

    boolean fromFiles() {
        return data != null;
    }

    /** Loads the selection from {@code --data DIR}, or else from the database {@code store}. */
    LoadedData load(Database store) {
        CandleBooks.Mode mode = bookMode();
        if (candleSize <= 0) {
            throw new UsageException("--candle-size must be positive, was " + candleSize);
        }
        if (data != null) {
            if (mode == CandleBooks.Mode.CANDLES) {
                throw new UsageException("--book candles reads fetched candles from PostgreSQL; not with --data");
            }
            return LoadedData.load(new DataDirectory(data)::open, selection(), data.toString());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        LoadedData loaded = LoadedData.load(s -> {
            CandleBooks.Opened opened = CandleBooks.open(store, s, mode, Math.multiplyExact(candleSize, 100));
            sources.putAll(opened.bookSources());
            return opened.data();
        }, selection(), "PostgreSQL " + store.url().describe());
        return loaded.withBookSources(sources);
    }
}
