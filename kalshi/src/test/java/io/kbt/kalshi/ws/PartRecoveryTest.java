package io.kbt.kalshi.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording file left as {@code .part} by a killed recorder is sealed with every line of its flushed members. */
class PartRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aPartCutInsideItsLastMemberKeepsEveryFlushedLineAndOnlyWholeLines() throws Exception {
        RecordingFile file = new RecordingFile(dir.resolve("INXD-2026-07-01.jsonl.gz"));
        file.write("{\"n\":1}");
        file.write("{\"n\":2}");
        file.flush();
        file.write("{\"n\":3}");
        file.flush();
        for (int i = 4; i < 2000; i++) {
            file.write("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 50) + "\"}");
        }
        // the open member reaches the file only in part: the process dies mid-member
        file.close();
        Path part = dir.resolve("INXD-2026-07-01.jsonl.gz.part");
        long flushedSize = Files.size(part);
        try (RandomAccessFile raw = new RandomAccessFile(part.toFile(), "rw")) {
            raw.seek(raw.length());
            raw.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0x4b});
        }

        List<PartRecovery.Recovered> recovered = PartRecovery.recoverAll(dir);

        assertThat(recovered).hasSize(1);
        assertThat(recovered.get(0).cut()).isTrue();
        assertThat(part).doesNotExist();
        List<String> lines = Recordings.lines(recovered.get(0).sealed());
        assertThat(lines).startsWith("{\"n\":1}", "{\"n\":2}", "{\"n\":3}").allMatch(l -> l.endsWith("}"));
        assertThat(recovered.get(0).lines()).isEqualTo(lines.size());
        assertThat(flushedSize).isPositive();
    }

    @Test
    void aPartWithNothingReadableIsRemoved() throws Exception {
        Path part = Files.write(dir.resolve("X-2026-07-01.jsonl.gz.part"), new byte[] {0x1f, (byte) 0x8b, 8});
        assertThat(PartRecovery.recoverAll(dir)).isEmpty();
        assertThat(part).doesNotExist();
    }
}
