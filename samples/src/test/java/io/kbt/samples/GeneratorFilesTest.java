package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorFilesTest {
    @Test
    void regeneratingGzippedReplacesThePlainFilesAndViceVersa(@TempDir Path dir) throws IOException {
        var generator = new Generator(GeneratorConfig.of(LocalDate.of(2026, 1, 5), 1, 1, 1));
        generator.writeTo(dir, false);
        assertThat(names(dir)).containsExactly("index-SPX.csv", "kalshi-ws.jsonl", "markets.json");
        generator.writeTo(dir, true);
        assertThat(names(dir)).containsExactly("index-SPX.csv.gz", "kalshi-ws.jsonl.gz", "markets.json");
        generator.writeTo(dir, false);
        assertThat(names(dir)).containsExactly("index-SPX.csv", "kalshi-ws.jsonl", "markets.json");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
