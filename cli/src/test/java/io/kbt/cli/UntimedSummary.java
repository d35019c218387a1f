package io.kbt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A report's summary.json less its timings, which differ from run to run while every other figure must not. */
final class UntimedSummary {
    private static final List<String> TIMINGS = List.of("load_ms", "replay_ms", "events_per_second");

    private UntimedSummary() {}

    static ObjectNode of(Path report) throws IOException {
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        summary.remove(TIMINGS);
        return summary;
    }
}
