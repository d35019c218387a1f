package io.kbt.cli;

import io.kbt.engine.strategy.StrategyProvider;
import io.kbt.strategies.StrategyCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kbt strategies}: every strategy kbt can run (built-ins and plugins) with its parameters and presets. */
@Command(name = "strategies", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List every strategy (built-in and from --plugin jars or KBT_PLUGINS) with its parameters.")
final class StrategiesCommand implements Callable<Integer> {
    @Option(names = "--plugin", paramLabel = "JAR", description = "A jar of strategy plugins to list too (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StrategyCatalog catalog = Plugins.catalog(plugins, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        for (StrategyProvider provider : catalog.providers()) {
            out.printf("%s — %s%n", provider.name(), provider.description());
            out.printf("  from %s%n", origin(provider));
            out.printf("  %-24s %-22s %-12s %s%n", "key", "unit", "default", "accepts: meaning");
            for (List<String> row : catalog.parameterTable(provider.name())) {
                out.printf("  %-24s %-22s %-12s %s: %s%n", row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
            }
            for (Map.Entry<String, Map<String, String>> preset : new TreeMap<>(provider.presets()).entrySet()) {
                out.printf("  preset %s: %s%n", preset.getKey(), new TreeMap<>(preset.getValue()));
            }
            out.println();
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String origin(StrategyProvider provider) {
        var source = provider.getClass().getProtectionDomain().getCodeSource();
        String where = source != null && source.getLocation() != null ? source.getLocation().getPath() : "kbt";
        return provider.getClass().getName() + " (" + where + ")";
    }
}
