package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.history.FeeChangeStore;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.exchange.QueueModel;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedule;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.fees.KalshiFeeSchedule;
import io.kbt.engine.spi.Choice;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@link Backtest} and {@link Sweep} builders share: the data and its selection, the strategy and its
 * parameters, and the simulation's named choices (queue model, fee schedule, reaction timing).
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RunSetup<B extends RunSetup<B>> {
    private MarketData data;
    private LocalDate from;
    private LocalDate to;
    private final List<String> series = new ArrayList<>();
    private final List<String> markets = new ArrayList<>();
    private StrategyCatalog catalog;
    private String strategyName = "cauchy";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private StrategySpec spec;
    private ClassLoader loader = RunSetup.class.getClassLoader();
    private String queueName = QueueModels.DEFAULT;
    private QueueModel queueModel;
    private String feeName = FeeSchedules.DEFAULT;
    private FeeSchedule fees;
    private boolean reactPerEvent;
    private CandleBooks.Mode book = CandleBooks.Mode.AUTO;
    private long candleSize = 1_000;
    private Consumer<String> warnings = w -> { };

    RunSetup() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Reads the recordings under {@code dir} (as {@code kbt backtest --data DIR}). */
    public B data(java.nio.file.Path dir) {
        return data(MarketData.directory(dir));
    }

    public B data(MarketData source) {
        this.data = source;
        return self();
    }

    /** Reads from PostgreSQL at {@code jdbcUrl} and stores the run there. */
    public B database(String jdbcUrl) {
        return data(MarketData.database(jdbcUrl));
    }

    public B database(Database db) {
        return data(MarketData.database(db));
    }

    /** First New York trading day: a market is in range when it closes within {@code from..to}. */
    public B from(LocalDate day) {
        this.from = day;
        return self();
    }

    /** Last New York trading day (default: {@code from}). */
    public B to(LocalDate day) {
        this.to = day;
        return self();
    }

    public B series(String... seriesTickers) {
        series.addAll(Arrays.asList(seriesTickers));
        return self();
    }

    public B markets(String... tickers) {
        markets.addAll(Arrays.asList(tickers));
        return self();
    }

    /** The strategies to choose from (default: {@link StrategyCatalog#builtIn()}). */
    public B catalog(StrategyCatalog strategies) {
        this.catalog = strategies;
        return self();
    }

    /**
     * The strategies, queue models, fee schedules and data formats {@code plugins} finds (e.g. a class loader over plugin jars)
     * beside the built-ins.
     */
    public B plugins(ClassLoader plugins) {
        this.loader = plugins;
        return catalog(StrategyCatalog.load(plugins));
    }

    /** The strategy called {@code name} in the catalog (default {@code cauchy}). */
    public B strategy(String name) {
        this.strategyName = name;
        this.spec = null;
        return self();
    }

    /** One parameter, validated against the strategy's declared parameters when the run is built. */
    public B set(String key, String value) {
        settings.put(key, value);
        return self();
    }

    public B settings(Map<String, String> keyValues) {
        settings.putAll(keyValues);
        return self();
    }

    /** An already resolved strategy. */
    public B strategy(StrategySpec resolved) {
        this.spec = resolved;
        return self();
    }

    /** A strategy built in code, without a provider: {@code factory} makes a fresh one per replay. */
    public B strategy(String name, Function<Instruments, Strategy> factory) {
        StrategyProvider provider = new StrategyProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a strategy built in code";
            }

            @Override
            public List<StrategyParameter> parameters() {
                return List.of();
            }

            @Override
            public Strategy create(StrategyParams params, Instruments instruments) {
                return factory.apply(instruments);
            }
        };
        return strategy(StrategyCatalog.of(List.of(provider)).spec(name, Map.of()));
    }

    /**
     * A queue model by name, {@code NAME[:key=value,...]}: {@code risk-averse} (default), {@code prob},
     * {@code prob:n=N}, {@code optimistic}, or one a plugin provides.
     */
    public B queueModel(String name) {
        this.queueName = name;
        this.queueModel = null;
        return self();
    }

    public B queueModel(QueueModel model) {
        this.queueModel = model;
        return self();
    }

    /**
     * A fee schedule by name, {@code NAME[:key=value,...]}: {@code standard} (default), {@code standard-maker},
     * {@code none}, {@code taker=R[,maker=M]}, one a plugin provides, or {@code kalshi}: each series' fee history
     * fetched into PostgreSQL ({@code kbt fetch fees}) at each fill's time, {@code standard} where there is none.
     */
    public B fees(String name) {
        this.feeName = name;
        this.fees = null;
        return self();
    }

    public B fees(FeeSchedule schedule) {
        this.fees = schedule;
        return self();
    }

    /**
     * Where the books come from: {@code recorded}, or {@code candles} (a top of book built from the stored
     * one-minute candles); by default recorded, and candles with a warning for a market with trades and candles
     * but no recorded book. Candles are read from PostgreSQL only.
     */
    public B book(String source) {
        return book(switch (source.trim()) {
            case "recorded" -> CandleBooks.Mode.RECORDED;
            case "candles" -> CandleBooks.Mode.CANDLES;
            default -> throw new InvalidRunException("--book must be recorded or candles, was '" + source + "'");
        });
    }

    public B book(CandleBooks.Mode source) {
        this.book = source;
        return self();
    }

    /** Displayed size of each side of a book built from candles, in contracts (default 10). */
    public B candleSize(long contracts) {
        if (contracts <= 0) {
            throw new InvalidRunException("--candle-size must be positive, was " + contracts);
        }
        this.candleSize = Math.multiplyExact(contracts, 100);
        return self();
    }

    /** React after every event instead of after each batch of equal-timestamp events. */
    public B reactPerEvent(boolean perEvent) {
        this.reactPerEvent = perEvent;
        return self();
    }

    /** Told each warning met while loading (skipped files, markets created from their ticker), as it is met. */
    public B warnings(Consumer<String> sink) {
        this.warnings = sink;
        return self();
    }

    // ---- for Backtest and Sweep ----

    MarketData marketData() {
        if (data == null) {
            throw new InvalidRunException("no market data: give a --data directory, a database or events");
        }
        return data;
    }

    /**
     * The selection; for events in memory without {@code from}, the New York days their markets close on.
     */
    Selection selection(Instruments known) {
        LocalDate first = from;
        LocalDate last = to;
        if (first == null && known != null && !known.markets().isEmpty()) {
            first = day(known.markets().stream().mapToLong(Market::closeTime).min().getAsLong());
            last = last != null ? last : day(known.markets().stream().mapToLong(Market::closeTime).max().getAsLong());
        }
        if (first == null) {
            throw new InvalidRunException("no --from date: give the first trading day to replay");
        }
        try {
            return new Selection(series, markets, first, last != null ? last : first);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(e.getMessage());
        }
    }

    Selection selection() {
        return selection(data instanceof MarketData.Memory memory ? memory.instruments() : null);
    }

    StrategySpec strategySpec() {
        if (spec != null) {
            return settings.isEmpty() ? spec : spec.with(settings);
        }
        return (catalog != null ? catalog : StrategyCatalog.builtIn()).spec(strategyName, settings);
    }

    /** The simulation; with {@code --fees kalshi}, {@code standard} until {@link #forData} reads the history. */
    ReplayConfig replayConfig() {
        try {
            return new ReplayConfig(queueModel != null ? queueModel : QueueModels.byName(queueName, loader),
                    fees != null ? fees : kalshiFees() ? kalshiPlaceholder() : FeeSchedules.byName(feeName, loader),
                    reactPerEvent);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(e.getMessage());
        }
    }

    private FeeSchedule kalshiPlaceholder() {
        Choice.parse(feeName).accepting();
        if (!(data instanceof MarketData.Store || data instanceof MarketData.StoreUrl)) {
            throw new InvalidRunException("--fees kalshi reads fee changes from PostgreSQL (kbt fetch fees); not with --data");
        }
        return FeeSchedules.standard();
    }

    private boolean kalshiFees() {
        return fees == null && Choice.parse(feeName).name().equals(KalshiFeeSchedule.NAME);
    }

    /**
     * {@code config} for {@code loaded}: with {@code --fees kalshi}, the fee changes {@code store} holds for the
     * loaded markets' series; warns when a book built from candles meets a queue model that needs the queue.
     */
    ReplayConfig forData(ReplayConfig config, LoadedData loaded, Database store) {
        warnCandleQueue(config, loaded.bookSources());
        return withFees(config, loaded.instruments(), store);
    }

    /** Warns when a book built from candles ({@code bookSources} by ticker) meets a queue model that needs the queue. */
    void warnCandleQueue(ReplayConfig config, Map<String, String> bookSources) {
        String queue = config.queueModel().name();
        if (bookSources.containsValue(CandleBooks.CANDLES) && !queue.equals("optimistic")
                && !queue.startsWith("fraction")) {
            warnings.accept("--queue " + queue + " on a book built from candles: the queue ahead is unknowable "
                    + "there; use --queue optimistic or --queue fraction:f=F");
        }
    }

    /** {@code config} with, for {@code --fees kalshi}, the fee changes {@code store} holds for the markets' series. */
    ReplayConfig withFees(ReplayConfig config, Instruments instruments, Database store) {
        if (!kalshiFees()) {
            return config;
        }
        List<String> seriesTickers = instruments.markets().stream().map(Market::seriesTicker).distinct().toList();
        List<KalshiFeeSchedule.Change> changes = new ArrayList<>();
        for (FeeChangeStore.FeeChange c : new FeeChangeStore(store.dsl()).of(seriesTickers)) {
            changes.add(new KalshiFeeSchedule.Change(c.seriesTicker(), c.scheduledTs(),
                    KalshiFeeSchedule.FeeType.of(c.feeType()), c.multiplier()));
        }
        return config.withFees(new KalshiFeeSchedule(changes, FeeSchedules.standard()));
    }

    LoadedData load(Selection selection, Database opened) {
        LoadedData loaded = marketData().load(selection, opened, loader, book, candleSize);
        loaded.warnings().forEach(warnings);
        return loaded;
    }

    /** The selection's opener for a sweep's shards, with the books as {@link #load} builds them. */
    Function<Selection, DataSet> opener(Database opened, Map<String, String> bookSources) {
        return marketData().opener(opened, loader, book, candleSize, bookSources);
    }

    CandleBooks.Mode bookMode() {
        return book;
    }

    long candleSize() {
        return candleSize;
    }

    boolean kalshiFeeHistory() {
        return kalshiFees();
    }

    ClassLoader plugins() {
        return loader;
    }

    void warn(String warning) {
        warnings.accept(warning);
    }

    private static LocalDate day(long micros) {
        return Instant.EPOCH.plusNanos(micros * 1_000).atZone(Selection.NEW_YORK).toLocalDate();
    }
}
