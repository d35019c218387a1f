package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.DatabaseUnavailableException;
import io.kbt.feeds.BadInputException;
import io.kbt.kalshi.auth.KeyFileException;
import io.kbt.kalshi.ws.AuthenticationRefusedException;
import io.kbt.runner.InvalidRunException;
import io.kbt.runner.StrategyFailedException;
import io.kbt.strategies.BadParameterException;
import java.sql.SQLException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear line on stderr and DESIGN.md's exit code; {@code --verbose} anywhere on
 * the command line adds the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(String[]::new)).contains("--verbose");
        var err = commandLine.getErr();
        err.println("kbt: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    static int usage(ParameterException e, String[] args) {
        var err = e.getCommandLine().getErr();
        err.println("kbt: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCode.USAGE;
    }

    static int exitCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrategyFailedException) {
                return ExitCode.FAILURE; // whatever the strategy threw, it is not the user's input
            }
            if (t instanceof UsageException || t instanceof BadParameterException || t instanceof InvalidRunException) {
                return ExitCode.USAGE;
            }
            if (t instanceof BadInputException) {
                return ExitCode.BAD_INPUT;
            }
            if (t instanceof DatabaseUnavailableException) {
                return ExitCode.DATABASE_UNREACHABLE;
            }
            if (t instanceof AuthenticationRefusedException) {
                return ExitCode.AUTHENTICATION_REFUSED;
            }
            if (t instanceof KeyFileException) {
                return ExitCode.USAGE;
            }
        }
        return Database.connectionLost(e) ? ExitCode.DATABASE_UNREACHABLE : ExitCode.FAILURE;
    }

    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrategyFailedException) {
                return t.getMessage();
            }
            if (t instanceof BadInputException || t instanceof UsageException || t instanceof BadParameterException
                    || t instanceof InvalidRunException || t instanceof DatabaseUnavailableException
                    || t instanceof AuthenticationRefusedException || t instanceof KeyFileException) {
                return t.getMessage();
            }
        }
        if (Database.connectionLost(e)) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    return "lost the connection to PostgreSQL (" + firstLine(sql.getMessage()) + "); what was under"
                            + " way was not stored";
                }
            }
        }
        return e.getMessage() != null ? firstLine(e.getMessage()) : e.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
