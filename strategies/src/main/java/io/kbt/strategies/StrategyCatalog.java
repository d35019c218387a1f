package io.kbt.strategies;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The strategies a backtest can name ({@code cauchy}, {@code normal}) and the binding of their parameters from
 * {@code --set key=value} and {@code --config FILE}: defaults, then the chosen {@code preset}, then the keys the
 * user gave. Every mistake is a {@link BadParameterException} naming the key and what it accepts.
 */
public final class StrategyCatalog {
    static final String PRESET = "preset";

    private StrategyCatalog() {}

    /** The names of the strategies, in the order help lists them. */
    public static List<String> names() {
        return StrategyDefinition.ALL.stream().map(StrategyDefinition::name).toList();
    }

    /**
     * Resolves {@code settings} (keys and values as the user typed them) for {@code strategyName}.
     *
     * @throws BadParameterException for an unknown strategy or key, or a value the key does not accept
     */
    public static StrategySpec spec(String strategyName, Map<String, String> settings) {
        StrategyDefinition definition = definition(strategyName);
        Map<String, String> given = new LinkedHashMap<>();
        settings.forEach((key, value) -> given.put(key, canonical(definition, key, value)));
        String preset = given.getOrDefault(PRESET, "none");
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Parameter parameter : definition.parameters()) {
            resolved.put(parameter.key(), parameter.defaultValue());
        }
        resolved.put(PRESET, preset);
        resolved.putAll(definition.preset(preset));
        resolved.putAll(given);
        return new StrategySpec(definition, Map.copyOf(given), resolved);
    }

    /**
     * Reads flat {@code key: value} pairs from a JSON ({@code .json}) or YAML (anything else) file, in file
     * order. Values must be scalars; a missing, unreadable or nested file is a {@link BadParameterException}.
     */
    public static Map<String, String> readConfig(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            String where = e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "";
            throw new BadParameterException(file.toString(), "config " + file + where + ": not valid "
                    + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadParameterException(file.toString(), "config " + file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new BadParameterException(file.toString(),
                    "config " + file + ": expected flat key: value pairs, found a " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        for (var field : root.properties()) {
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new BadParameterException(field.getKey(), "config " + file + ": " + field.getKey()
                        + " must be a single value (number, true/false or text), found " + value);
            }
            settings.put(field.getKey(), value.asText());
        }
        return settings;
    }

    /** The parameter table of {@code strategyName}: key, unit, default, accepts, meaning — for help and README. */
    public static List<List<String>> parameterTable(String strategyName) {
        StrategyDefinition definition = definition(strategyName);
        List<List<String>> rows = new ArrayList<>();
        for (Parameter p : definition.parameters()) {
            rows.add(List.of(p.key(), p.unit(), p.defaultValue(), p.kind().accepts(), p.meaning()));
        }
        return rows;
    }

    private static StrategyDefinition definition(String strategyName) {
        return StrategyDefinition.ALL.stream()
                .filter(d -> d.name().equals(strategyName))
                .findFirst()
                .orElseThrow(() -> new BadParameterException("strategy", "unknown strategy '" + strategyName
                        + "'; accepts: " + String.join(", ", names())));
    }

    private static String canonical(StrategyDefinition definition, String key, String value) {
        Optional<Parameter> parameter = definition.parameter(key);
        if (parameter.isEmpty()) {
            String keys = definition.parameters().stream().map(Parameter::key).collect(Collectors.joining(", "));
            String hint = definition.parameters().stream()
                    .filter(p -> p.key().equalsIgnoreCase(key))
                    .map(p -> " (did you mean " + p.key() + "?)")
                    .findFirst()
                    .orElse("");
            throw new BadParameterException(key, "unknown parameter '" + key + "' for strategy "
                    + definition.name() + hint + "; accepts: " + keys);
        }
        Parameter p = parameter.get();
        String canonical = value == null ? null : p.kind().canonical(value);
        if (canonical == null) {
            throw new BadParameterException(key, "parameter " + key + " of strategy " + definition.name() + ": '"
                    + value + "' is not " + p.kind().accepts() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")"));
        }
        return canonical;
    }
}
