package io.kbt.cli;

import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.runner.RunSetup;
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
            description = "Strategy: cauchy, normal or a plugin's (kbt strategies lists them; default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Strategy parameter, e.g. --set halfSpread=2 --set preset=seed (repeatable; overrides --config).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy parameters from a JSON or YAML file.")
    Path config;

    @Option(names = "--queue", defaultValue = QueueModels.DEFAULT, paramLabel = "MODEL",
            description = "Queue model: risk-averse, prob[:n=N], optimistic or a plugin's NAME[:key=value,...] (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--fees", defaultValue = FeeSchedules.DEFAULT, paramLabel = "NAME",
            description = "Fee schedule: none, standard, standard-maker, taker=R[,maker=M] or a plugin's NAME[:key=value,...] (default: ${DEFAULT-VALUE}).")
    String fees;

    @Option(names = "--react", defaultValue = "batch", paramLabel = "WHEN",
            description = "Strategy reacts after each batch of equal-timestamp events or each event: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    React react;

    @Mixin
    DatabaseOptions db;

    @Option(names = "--plugin", paramLabel = "JAR",
            description = "A jar of plugins: strategies, queue models, fee schedules, data formats (repeatable; also every jar in env KBT_PLUGINS).")
    List<Path> plugins = new ArrayList<>();

    /** This command line's data, selection, strategy and simulation, laid on a library builder. */
    <B extends RunSetup<B>> B setup(B builder) {
        if (data != null) {
            builder.data(data);
        } else {
            db.resolve(); // a malformed --db is a usage error before any work
            builder.database(db.given());
        }
        builder.from(from).to(to != null ? to : from)
                .series(series.toArray(String[]::new))
                .markets(markets.toArray(String[]::new))
                .plugins(Plugins.loader(plugins, System.getenv()))
                .strategy(strategy)
                .settings(settings())
                .queueModel(queue)
                .fees(fees);
        return builder.reactPerEvent(react == React.EVENT);
    }

    /** {@code --config} keys, then {@code --set} keys over them. */
    private Map<String, String> settings() {
        Map<String, String> merged = new LinkedHashMap<>();
        if (config != null) {
            merged.putAll(ConfigFile.read(config));
        }
        merged.putAll(settings);
        return merged;
    }
}
