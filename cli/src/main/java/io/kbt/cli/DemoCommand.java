package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.DatabaseUnavailableException;
import io.kbt.db.DbUrl;
import io.kbt.samples.GeneratedFiles;
import io.kbt.samples.Samples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kbt demo}: the bundled sample → backtest → PNG report, and a small sweep. With PostgreSQL reachable it
 * migrates, imports the sample (idempotently) and replays from the database; without, it replays the sample
 * files directly and says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest the bundled sample (2 synthetic INXD days) with the seed preset, run a 3×3 sweep, write reports.")
final class DemoCommand implements Callable<Integer> {
    private static final String SYMBOL = "SPX";

    @Option(names = "--out", defaultValue = "kbt-demo", paramLabel = "DIR",
            description = "Where the sample data, report and sweep go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DatabaseOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = Samples.extractTo(out.resolve("data"));
        console.printf("kbt demo: sample data (%d synthetic INXD days from %s) in %s%n", Samples.DAYS, Samples.START, data);

        List<String> source = storeSample(data, console, err);
        List<String> range = List.of("--from", Samples.START.toString(), "--to", Samples.lastDay().toString(),
                "--series", "INXD", "--set", "preset=seed");
        Path report = out.resolve("backtest");
        Path sweep = out.resolve("sweep");
        int exit = step(console, err, concat(List.of("backtest"), range, List.of("--sample", "60", "--out", report.toString()), source));
        if (exit == ExitCode.OK) {
            exit = step(console, err, concat(List.of("sweep"), range, List.of("--grid", "halfSpread=1,2,3",
                    "--grid", "skew=0,0.05,0.1", "--out", sweep.toString()), source));
        }
        if (exit == ExitCode.OK) {
            console.printf("%nOpen %s for the backtest report and %s for the sweep.%n",
                    report.resolve("index.html").toAbsolutePath(), sweep.resolve("heatmap-pnl.png").toAbsolutePath());
            console.flush();
        }
        return exit;
    }

    /**
     * Migrates and imports the sample when the database answers and returns the {@code --db} arguments to replay
     * from it; otherwise returns {@code --data DIR}.
     */
    private List<String> storeSample(Path data, PrintWriter console, PrintWriter err) {
        DbUrl url = db.resolve();
        try {
            Database.migrate(url);
        } catch (DatabaseUnavailableException e) {
            console.printf("kbt demo: no PostgreSQL at %s, so replaying the sample files directly (%s)%n",
                    url.describe(), e.getMessage());
            return List.of("--data", data.toString());
        }
        console.printf("kbt demo: importing the sample into PostgreSQL at %s%n", url.describe());
        List<String> dbArgs = db.url != null && !db.url.equals(DbUrl.DEFAULT_URL) ? List.of("--db", db.url) : List.of();
        for (List<String> command : List.of(
                List.of("import", "markets", data.resolve(GeneratedFiles.MARKETS).toString()),
                List.of("import", "index", data.resolve(GeneratedFiles.INDEX + ".gz").toString(), "--symbol", SYMBOL),
                List.of("import", "kalshi-ws", data.resolve(GeneratedFiles.WEBSOCKET + ".gz").toString()))) {
            int exit = step(console, err, concat(command, dbArgs));
            if (exit != ExitCode.OK) {
                throw new IllegalStateException("importing the bundled sample failed (exit " + exit + ")");
            }
        }
        return dbArgs;
    }

    private static int step(PrintWriter console, PrintWriter err, List<String> args) {
        console.println();
        console.println("$ kbt " + String.join(" ", args.stream().map(a -> a.startsWith("jdbc:") ? "<url>" : a).toList()));
        console.flush();
        return Kbt.run(args.toArray(String[]::new), console, err);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
