package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {
    @Test
    void regeneratingWithTheDocumentedCommandReproducesTheBundledFiles(@TempDir Path dir) throws IOException {
        assertThat(Samples.REGENERATE).contains("--start " + Samples.START).contains("--days " + Samples.DAYS)
                .contains("--markets " + Samples.BRACKETS).contains("--seed " + Samples.SEED).contains("--gzip");
        new Generator(Samples.config()).writeTo(dir, true);
        assertThat(Files.readAllBytes(dir.resolve(GeneratedFiles.MARKETS)))
                .isEqualTo(bundled(GeneratedFiles.MARKETS));
        // Compared unzipped: the deflate bytes may differ between zlib builds, the content may not.
        for (String gzipped : new String[] {GeneratedFiles.INDEX + ".gz", GeneratedFiles.WEBSOCKET + ".gz"}) {
            assertThat(gunzip(Files.readAllBytes(dir.resolve(gzipped)))).as(gzipped)
                    .isEqualTo(gunzip(bundled(gzipped)));
        }
    }

    @Test
    void extractCopiesTheBundledFilesIntoADirectory(@TempDir Path dir) throws IOException {
        Path target = Samples.extractTo(dir.resolve("sample"));
        assertThat(target).isEqualTo(dir.resolve("sample"));
        for (String file : Samples.FILES) {
            assertThat(Files.readAllBytes(target.resolve(file))).isEqualTo(bundled(file));
        }
        assertThat(Files.readString(target.resolve(GeneratedFiles.MARKETS)))
                .contains("\"ticker\": \"INXD-26JAN05-B6012\"", "\"ticker\": \"INXD-26JAN06-T6199.99\"");
    }

    @Test
    void theSampleSpansTwoTradingDays() {
        assertThat(Samples.START).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Samples.lastDay()).isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void onlyBundledFilesCanBeOpened() {
        assertThatThrownBy(() -> Samples.open("secrets.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bundled sample file secrets.txt");
    }

    private static byte[] bundled(String file) {
        try (InputStream in = Samples.open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
