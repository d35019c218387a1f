package io.kbt.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexCsvWriterTest {
    @Test
    void writesHeaderAndTwoDecimalLevelsWithMicrosecondTimes() {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new IndexCsvWriter(bytes)) {
            // 2026-01-05T14:30:00Z and one second and 5 µs later
            writer.tick(1_767_623_400_000_000L, 5912.3449);
            writer.tick(1_767_623_401_000_005L, 5912.0);
            writer.tick(1_767_623_402_000_000L, 0.996);
            assertThat(writer.ticks()).isEqualTo(3);
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("""
                ts,price
                2026-01-05T14:30:00.000000Z,5912.34
                2026-01-05T14:30:01.000005Z,5912.00
                2026-01-05T14:30:02.000000Z,1.00
                """);
    }
}
