package io.kbt.strategies;

import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The strategies a run can name — every {@link StrategyProvider} a class loader's {@link ServiceLoader} finds
 * (the built-in {@code cauchy} and {@code normal}, plus any plugin jars) — and the binding of their parameters
 * from {@code --set key=value}, {@code --config FILE} and sweep grids: defaults, then the chosen {@code preset},
 * then the keys the user gave. Every mistake is a {@link BadParameterException} naming the key and what it
 * accepts. Immutable; one catalog serves every thread of a sweep.
 */
public final class StrategyCatalog {
    static final String PRESET = "preset";

    private final Map<String, StrategyProvider> providers;

    private StrategyCatalog(List<StrategyProvider> found) {
        Map<String, StrategyProvider> byName = new LinkedHashMap<>();
        for (StrategyProvider provider : found) {
            StrategyProvider other = byName.putIfAbsent(provider.name(), provider);
            if (other != null && other.getClass() != provider.getClass()) {
                throw new BadParameterException("strategy", "two strategies are called '" + provider.name() + "': "
                        + other.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        this.providers = byName;
    }

    /** The built-in strategies and any provider on kbt's own class path. */
    public static StrategyCatalog builtIn() {
        return load(StrategyCatalog.class.getClassLoader());
    }

    /**
     * Every provider {@code loader} finds (a plugin class loader sees kbt's built-ins through its parent), sorted
     * built-ins first, then by name.
     *
     * @throws BadParameterException when a provider cannot be loaded or two different ones share a name
     */
    public static StrategyCatalog load(ClassLoader loader) {
        List<StrategyProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(StrategyProvider.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new BadParameterException("plugin", "cannot load a strategy provider: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing((StrategyProvider p) -> !(p instanceof FairValueProvider))
                .thenComparing(StrategyProvider::name));
        return new StrategyCatalog(found);
    }

    /** A catalog of exactly {@code providers}, e.g. a strategy a library user built in code. */
    public static StrategyCatalog of(List<StrategyProvider> providers) {
        return new StrategyCatalog(providers);
    }

    /** The names of the strategies, in the order help lists them. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** The providers, in the order help lists them. */
    public List<StrategyProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * Resolves {@code settings} (keys and values as the user typed them) for {@code strategyName}.
     *
     * @throws BadParameterException for an unknown strategy or key, or a value the key does not accept
     */
    public StrategySpec spec(String strategyName, Map<String, String> settings) {
        StrategyProvider provider = provider(strategyName);
        List<StrategyParameter> parameters = parameters(provider);
        Map<String, String> given = new LinkedHashMap<>();
        settings.forEach((key, value) -> given.put(key, canonical(provider, parameters, key, value)));
        Map<String, String> resolved = new LinkedHashMap<>();
        for (StrategyParameter parameter : parameters) {
            resolved.put(parameter.key(), parameter.defaultValue());
        }
        if (!provider.presets().isEmpty()) {
            String preset = given.getOrDefault(PRESET, "none");
            resolved.put(PRESET, preset);
            provider.presets().getOrDefault(preset, Map.of())
                    .forEach((key, value) -> resolved.put(key, canonical(provider, parameters, key, value)));
        }
        resolved.putAll(given);
        List<String> missing = resolved.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        if (!missing.isEmpty()) {
            throw new BadParameterException(missing.get(0), "strategy " + provider.name() + " needs "
                    + String.join(", ", missing) + " (no default): give --set " + missing.get(0) + "=…");
        }
        return new StrategySpec(this, provider, Map.copyOf(given), new StrategyParams(resolved));
    }

    /**
     * Every key of {@code strategyName} with unit, default, what it accepts and what it means ({@code preset}
     * first when the strategy has presets) — for {@code kbt strategies}, help and the README.
     */
    public List<List<String>> parameterTable(String strategyName) {
        List<List<String>> rows = new ArrayList<>();
        StrategyProvider provider = provider(strategyName);
        for (StrategyParameter p : parameters(provider)) {
            String accepts = p.key().equals(PRESET) ? "none or " + String.join(", ", presetNames(provider)) : p.accepts();
            rows.add(List.of(p.key(), p.unit(), p.defaultValue() == null ? "" : p.defaultValue(), accepts, p.doc()));
        }
        return rows;
    }

    /** The provider called {@code strategyName}. */
    public StrategyProvider provider(String strategyName) {
        StrategyProvider provider = providers.get(strategyName);
        if (provider == null) {
            throw new BadParameterException("strategy", "unknown strategy '" + strategyName + "'; accepts: "
                    + String.join(", ", names()) + " (kbt strategies lists them; --plugin JAR adds more)");
        }
        return provider;
    }

    /** The provider's parameters, led by {@code preset} when it has presets. */
    private static List<StrategyParameter> parameters(StrategyProvider provider) {
        List<StrategyParameter> all = new ArrayList<>();
        if (!provider.presets().isEmpty()) {
            all.add(StrategyParameter.of(PRESET, ParameterKind.TEXT, "", "none",
                    "a named parameter set (" + String.join(", ", presetNames(provider)) + "); keys given override it"));
        }
        all.addAll(provider.parameters());
        return all;
    }

    private static List<String> presetNames(StrategyProvider provider) {
        return provider.presets().keySet().stream().sorted().toList();
    }

    private static String canonical(StrategyProvider provider, List<StrategyParameter> parameters, String key,
            String value) {
        Optional<StrategyParameter> parameter = parameters.stream().filter(p -> p.key().equals(key)).findFirst();
        if (parameter.isEmpty()) {
            String keys = parameters.stream().map(StrategyParameter::key).collect(Collectors.joining(", "));
            String hint = parameters.stream()
                    .filter(p -> p.key().equalsIgnoreCase(key))
                    .map(p -> " (did you mean " + p.key() + "?)")
                    .findFirst()
                    .orElse("");
            throw new BadParameterException(key, "unknown parameter '" + key + "' for strategy "
                    + provider.name() + hint + "; accepts: " + keys);
        }
        StrategyParameter p = parameter.get();
        if (p.key().equals(PRESET)) {
            String typed = value == null ? "" : value.strip();
            String preset = typed.equalsIgnoreCase("none") ? "none" : provider.presets().keySet().stream()
                    .filter(typed::equalsIgnoreCase).findFirst().orElse(null);
            if (preset == null) {
                throw new BadParameterException(key, "parameter preset of strategy " + provider.name() + ": '" + value
                        + "' is not none or " + String.join(", ", presetNames(provider)));
            }
            return preset;
        }
        String canonical = p.canonical(value);
        if (canonical == null) {
            throw new BadParameterException(key, "parameter " + key + " of strategy " + provider.name() + ": '"
                    + value + "' is not " + p.accepts() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")"));
        }
        return canonical;
    }
}
