package io.kbt.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kbt.strategies.BadParameterException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code --config FILE}: flat strategy {@code key: value} pairs from a JSON or YAML file. */
final class ConfigFile {
    private ConfigFile() {}

    /**
     * Reads flat {@code key: value} pairs from a JSON ({@code .json}) or YAML (anything else) file, in file
     * order. Values must be scalars; a missing, unreadable or nested file is a {@link BadParameterException}.
     */
    static Map<String, String> read(Path file) {
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
}
