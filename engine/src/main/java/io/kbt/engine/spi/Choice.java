package io.kbt.engine.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's choice of a named implementation with options, as {@code --queue} and {@code --fees} take it:
 * {@code name} or {@code name:key=value,key=value} (e.g. {@code prob:n=2}).
 */
public record Choice(String name, Map<String, String> options) {
    public Choice {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses {@code text}; {@link IllegalArgumentException} for an option without {@code key=value}. */
    public static Choice parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new Choice(trimmed, Map.of());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : trimmed.substring(colon + 1).split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("'" + text + "': options are key=value,key=value after the name");
            }
            options.put(kv[0].trim(), kv[1].trim());
        }
        return new Choice(trimmed.substring(0, colon).trim(), options);
    }

    /** The option {@code key}, or {@code fallback}. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /**
     * Checks that every option is one of {@code known}.
     *
     * @throws IllegalArgumentException naming the first unknown option and the known ones
     */
    public Choice accepting(String... known) {
        for (String key : options.keySet()) {
            if (!Arrays.asList(known).contains(key)) {
                throw new IllegalArgumentException(name + ": unknown option '" + key + "'"
                        + (known.length == 0 ? " (takes none)" : " (takes " + String.join(", ", known) + ")"));
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return options.isEmpty() ? name : name + ":" + String.join(",",
                options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
