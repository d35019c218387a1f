package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportReport;
import io.kbt.db.imports.Imports;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.feeds.DataFormat;
import io.kbt.feeds.DataFormats;
import io.kbt.feeds.Tickers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kbt import}: loads Kalshi and index files into PostgreSQL, one transaction per file, idempotently; prints
 * one summary line per file (rows by kind, time span, seconds) and warnings on stderr.
 */
@Command(name = "import", description = "Load recorded files into PostgreSQL (one transaction per file).",
        mixinStandardHelpOptions = true,
        subcommands = {ImportCommand.Markets.class, ImportCommand.KalshiWs.class, ImportCommand.Trades.class,
            ImportCommand.Index.class, ImportCommand.SeedCsv.class, ImportCommand.Format.class})
public final class ImportCommand {
    private static final Set<String> TABLE_KINDS = Set.of("snapshot", "delta", "trade", "index");

    static int importEvents(CommandSpec spec, DatabaseOptions options, ReplaceOption replace,
            List<EventImporter.Request> requests) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = options.open()) {
            EventImporter importer = new EventImporter(db, new ConsoleProgress());
            for (EventImporter.Request request : requests) {
                ImportReport report = importer.importFile(request, replace.replace);
                report.warnings().forEach(w -> err.println("kbt: warning: " + w));
                out.println(report.summary() + readerCounts(report));
            }
        }
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    /** A ticker or symbol given on the command line must be one kbt can store (exit 2 otherwise). */
    static void checkName(String option, String name) {
        String problem = Tickers.problem(name);
        if (problem != null) {
            throw new UsageException(option + ": " + problem);
        }
    }

    /** {@code --replace}: swap earlier imports whose events differ over the same time for this file's. */
    static final class ReplaceOption {
        @Option(names = "--replace", description = "Where the file's events of a market or index differ from what "
                + "earlier imports stored over the same time, replace those imports' events of it (atomically) "
                + "instead of refusing the file.")
        boolean replace;
    }

    /** What the reader counted besides the rows themselves, e.g. the seed CSV's book rows by outcome. */
    private static String readerCounts(ImportReport report) {
        Map<String, Long> extra = new TreeMap<>(report.readerCounts());
        extra.keySet().removeAll(TABLE_KINDS);
        if (extra.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" [read:");
        extra.forEach((k, v) -> s.append(String.format(" %s=%,d", k, v)));
        return s.append(']').toString();
    }

    @Command(name = "markets", mixinStandardHelpOptions = true,
            description = "Kalshi market objects (an array or {markets:[...]}): create or complete markets by ticker.")
    static final class Markets implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.json", arity = "1..*") List<Path> files;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                MarketsImporter importer = new MarketsImporter(database);
                for (Path file : files) {
                    spec.commandLine().getOut().println(importer.importFile(file).summary());
                }
            }
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "kalshi-ws", mixinStandardHelpOptions = true,
            description = "Recorded Kalshi websocket frames, one JSON frame per line (.jsonl or .jsonl.gz).")
    static final class KalshiWs implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin ReplaceOption replace;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.jsonl[.gz]", arity = "1..*") List<Path> files;

        @Override
        public Integer call() {
            return importEvents(spec, db, replace, files.stream().map(Imports::kalshiWs).toList());
        }
    }

    @Command(name = "trades", mixinStandardHelpOptions = true,
            description = "Pages of Kalshi's REST GET /markets/trades.")
    static final class Trades implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin ReplaceOption replace;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.json", arity = "1..*") List<Path> files;

        @Override
        public Integer call() {
            return importEvents(spec, db, replace, files.stream().map(Imports::trades).toList());
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true, description = "An index CSV (ts,price; ISO or epoch).")
    static final class Index implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin ReplaceOption replace;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.csv", arity = "1..*") List<Path> files;
        @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "e.g. SPX") String symbol;

        @Override
        public Integer call() {
            checkName("--symbol", symbol);
            return importEvents(spec, db, replace, files.stream().map(f -> Imports.index(f, symbol)).toList());
        }
    }

    @Command(name = "seed-csv", mixinStandardHelpOptions = true,
            description = "The 2023 seed CSV: index ticks and one market's order-book rows.")
    static final class SeedCsv implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin ReplaceOption replace;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.csv", arity = "1..*") List<Path> files;
        @Option(names = "--market", required = true, paramLabel = "TICKER") String ticker;
        @Option(names = "--symbol", defaultValue = "SPX", paramLabel = "SYMBOL",
                description = "the index in the file (default: ${DEFAULT-VALUE})") String symbol;

        @Override
        public Integer call() {
            checkName("--market", ticker);
            checkName("--symbol", symbol);
            return importEvents(spec, db, replace, files.stream().map(f -> Imports.seedCsv(f, ticker, symbol)).toList());
        }
    }

    @Command(name = "format", mixinStandardHelpOptions = true,
            description = "Files in a named data format, kbt's own (kalshi-ws, trades, index) or a plugin's.")
    static final class Format implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FORMAT") String format;
        @Parameters(index = "1..*", paramLabel = "FILE", arity = "1..*") List<Path> files;
        @Option(names = "--symbol", defaultValue = "SPX", paramLabel = "SYMBOL",
                description = "the index the files' ticks are of (default: ${DEFAULT-VALUE})") String symbol;
        @Option(names = "--plugin", paramLabel = "JAR", description = "A jar of plugins (repeatable; also KBT_PLUGINS).")
        List<Path> plugins = new ArrayList<>();
        @Mixin ReplaceOption replace;

        @Override
        public Integer call() {
            List<DataFormat> formats = DataFormats.load(Plugins.loader(plugins, System.getenv()));
            DataFormat chosen = formats.stream().filter(f -> f.name().equals(format) && !f.marketMetadata()).findFirst()
                    .orElseThrow(() -> new UsageException("unknown data format '" + format + "' (choose "
                            + String.join(", ", formats.stream().filter(f -> !f.marketMetadata())
                                    .map(DataFormat::name).toList()) + ")"));
            return importEvents(spec, db, replace, files.stream().map(f -> Imports.format(f, chosen, symbol)).toList());
        }
    }
}
