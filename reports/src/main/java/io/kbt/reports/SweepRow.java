package io.kbt.reports;

import io.kbt.engine.run.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One parameter set of a sweep and its result; {@code params} holds every parameter, swept or not. */
public record SweepRow(Map<String, String> params, RunResult result) {
    public SweepRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(result, "result");
    }
}
