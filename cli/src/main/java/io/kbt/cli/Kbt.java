package io.kbt.cli;

import java.io.PrintWriter;
import java.util.List;
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
        description = "Backtest market-making strategies on recorded Kalshi order books, trades and index ticks.")
public final class Kbt {
    /** A subcommand: its {@code @Command} name, here too so that choosing one reads no annotation. */
    record Subcommand(String name, Class<?> type) {}

    /** The subcommands, in the order {@code kbt --help} lists them. */
    static final List<Subcommand> COMMANDS = List.of(new Subcommand("db", DbCommand.class),
            new Subcommand("import", ImportCommand.class), new Subcommand("fetch", FetchCommand.class),
            new Subcommand("markets", MarketsCommand.class), new Subcommand("backtest", BacktestCommand.class),
            new Subcommand("sweep", SweepCommand.class), new Subcommand("strategies", StrategiesCommand.class),
            new Subcommand("new-strategy", NewStrategyCommand.class), new Subcommand("record", RecordCommand.class),
            new Subcommand("fit", FitCommand.class), new Subcommand("generate", GenerateCommand.class),
            new Subcommand("demo", DemoCommand.class), new Subcommand("help", CommandLine.HelpCommand.class));

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces with errors.")
    boolean verbose;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C ends the JVM without a return from run(): say so in one line. The database rolls back whatever
        // transaction the lost connection had open (an import's file, a sweep's runs).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                // On a line of its own: a progress bar may hold the current one.
                err.println();
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
        // Before the settings below, which apply to the subcommands present when they are made.
        for (Subcommand command : commands(args)) {
            commandLine.addSubcommand(command.name(), command.type());
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(ErrorReporter::usage);
        return commandLine.execute(args);
    }

    /**
     * The subcommands {@code args} need. Picocli reflects over every option of every command it is given, about a
     * third of the CPU of {@code kbt backtest --help}; so a command line that names a subcommand (after nothing but
     * {@code --verbose}) gets that one alone. Any other (a bare {@code kbt}, {@code help}, {@code -h}, an unknown
     * name) gets them all, as its usage and suggestions list them.
     */
    static List<Subcommand> commands(String[] args) {
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                continue;
            }
            for (Subcommand command : COMMANDS) {
                if (command.name().equals(arg) && command.type() != CommandLine.HelpCommand.class) {
                    return List.of(command);
                }
            }
            break;
        }
        return COMMANDS;
    }
}
