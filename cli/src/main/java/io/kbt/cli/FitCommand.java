package io.kbt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kbt.db.market.StoredDailyCloses;
import io.kbt.engine.market.DailyClose;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.DailyClosesCsv;
import io.kbt.strategies.fit.DistributionFit;
import io.kbt.strategies.fit.ReturnFits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kbt fit}: maximum-likelihood Cauchy and normal fits of an index's daily simple returns, from a
 * {@code date,close} file or from the stored index ticks, with the per-second scale the strategies take.
 */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = {
            "Fit Cauchy (x0, gamma) and normal (mu, sigma) distributions to daily simple returns "
                    + "close[t]/close[t-1] - 1 by maximum likelihood.",
            "Prints log-likelihood, AIC and the Kolmogorov-Smirnov statistic of each, and gamma0 / sigma0 such that "
                    + "the scale over one 23,400 s session, scale0 * 23400^h, equals the daily scale."
        })
public final class FitCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--closes", paramLabel = "FILE.csv", required = true,
                description = "Daily closes, columns date,close (ISO date), header optional.")
        Path closes;

        @Option(names = "--symbol", paramLabel = "SYMBOL", required = true,
                description = "Index in the store, e.g. SPX: its last tick of each New York day is the close.")
        String symbol;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (inclusive): limits --closes; required with --symbol.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (inclusive): limits --closes; required with --symbol.")
    LocalDate to;

    @Option(names = "--h", paramLabel = "H", defaultValue = "0.6",
            description = "Time exponent for gamma0 and sigma0 (default: ${DEFAULT-VALUE}).")
    double h;

    @Option(names = "--json", description = "Print the figures as one JSON object with flat dotted keys.")
    boolean json;

    @Mixin
    DatabaseOptions db;

    @Spec
    CommandSpec spec;

    private final DailyCloseStore store;

    public FitCommand() {
        this(StoredDailyCloses::dailyCloses);
    }

    FitCommand(DailyCloseStore store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        if (!(h >= 0) || !Double.isFinite(h)) {
            throw new ParameterException(spec.commandLine(), "--h must be a finite number ≥ 0, got " + h);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        String where;
        List<DailyClose> closes;
        if (source.closes != null) {
            where = source.closes.toString();
            closes = DailyClosesCsv.read(source.closes, from, to);
        } else {
            if (from == null || to == null) {
                throw new ParameterException(spec.commandLine(), "--symbol needs --from and --to");
            }
            where = "stored index ticks of " + source.symbol + " " + from + ".." + to;
            closes = store.dailyCloses(db.resolve(), source.symbol, from, to);
        }
        ReturnFits fits = fit(closes, where);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(figures(fits)));
        } else {
            printTable(out, fits, where);
        }
        out.flush();
        return 0;
    }

    private ReturnFits fit(List<DailyClose> closes, String where) {
        if (closes.size() < 3) {
            throw new BadInputException(where, 0, "need at least 3 daily closes to fit returns, found " + closes.size());
        }
        try {
            return ReturnFits.of(closes, h);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where, 0, e.getMessage(), e);
        }
    }

    /** The figures under the flat dotted keys of {@code --json}. */
    static Map<String, Object> figures(ReturnFits fits) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n", fits.cauchy().n());
        figures.put("closes", fits.closes().size());
        figures.put("from", fits.closes().getFirst().date().toString());
        figures.put("to", fits.closes().getLast().date().toString());
        figures.put("h", fits.h());
        put(figures, "cauchy", "x0", "gamma", fits.cauchy());
        figures.put("cauchy.gamma0", fits.gamma0());
        put(figures, "normal", "mu", "sigma", fits.normal());
        figures.put("normal.sigma0", fits.sigma0());
        return figures;
    }

    private static void put(Map<String, Object> figures, String family, String location, String scale, DistributionFit fit) {
        figures.put(family + "." + location, fit.location());
        figures.put(family + "." + scale, fit.scale());
        figures.put(family + ".loglik", fit.logLikelihood());
        figures.put(family + ".aic", fit.aic());
        figures.put(family + ".ks", fit.ksStatistic());
        figures.put(family + ".ks_p", fit.ksPValue());
    }

    private static String json(Map<String, Object> figures) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printTable(PrintWriter out, ReturnFits fits, String where) {
        out.printf("%s: %d closes %s..%s, %d daily returns%n", where, fits.closes().size(),
                fits.closes().getFirst().date(), fits.closes().getLast().date(), fits.cauchy().n());
        out.printf("%-7s %14s %14s %14s %14s %9s %9s%n", "", "location", "scale", "log-lik", "AIC", "KS D", "KS p");
        row(out, "cauchy", fits.cauchy());
        row(out, "normal", fits.normal());
        out.printf("h = %s: gamma0 = %.6e (cauchy x0 = %.6e), sigma0 = %.6e (normal mu = %.6e)%n", fits.h(),
                fits.gamma0(), fits.cauchy().location(), fits.sigma0(), fits.normal().location());
    }

    private static void row(PrintWriter out, String family, DistributionFit fit) {
        out.printf("%-7s %14.6e %14.6e %14.5f %14.5f %9.5f %9.3g%n", family, fit.location(), fit.scale(),
                fit.logLikelihood(), fit.aic(), fit.ksStatistic(), fit.ksPValue());
    }
}
