package io.kbt.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code kbt} command: backtests, sweeps, imports and reports for Kalshi market making. */
@Command(
        name = "kbt",
        mixinStandardHelpOptions = true,
        version = "kbt 0.1.0",
        description = "Backtest market-making strategies on recorded Kalshi order books, trades and index ticks.",
        subcommands = {
            DbCommand.class, ImportCommand.class, MarketsCommand.class, BacktestCommand.class, SweepCommand.class,
            StrategiesCommand.class, NewStrategyCommand.class, RecordCommand.class,
            FitCommand.class, GenerateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class
        })
public final class Kbt {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces with errors.")
    boolean verbose;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C ends the JVM without a return from run(): say so in one line. The database rolls back whatever
        // transaction the lost connection had open (an import's file, a sweep's runs).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                err.println("kbt: interrupted; an unfinished import or sweep stores nothing (its transaction is rolled back)");
            }
        }, "kbt-interrupt"));
        int exit = run(args, new PrintWriter(System.out, true), err);
        finished.set(true);
        System.exit(exit);
    }

    /** Runs one command line and returns its exit code; tests call this in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Kbt());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(ErrorReporter::usage);
        return commandLine.execute(args);
    }
}
