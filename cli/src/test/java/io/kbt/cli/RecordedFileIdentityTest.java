package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.imports.RecordingStore;
import io.kbt.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kbt record} stores while it writes a file has the identity an import of the file would have: the
 * sealed file imported later is already imported, a copy in other bytes (gzip recompressed, plain, CRLF, renamed)
 * finds every event stored, and a recording rotated into a file that continues the previous one without a snapshot
 * is stored and continued as {@code kbt import kalshi-ws} continues it. Each test uses its own tickers.
 */
class RecordedFileIdentityTest {
    private static final List<String> TABLES = List.of("market", "book_snapshot", "book_delta", "trade",
            "index_tick", "trade_key", "import_span");

    static TestDatabase db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void create() {
        db = TestDatabase.create(RecordedFileIdentityTest.class);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aRecordedFileAndCopiesOfItInOtherBytesImportedLaterAddNothing() throws Exception {
        List<String> lines = Recordings.recording("REC-26JUL01-A", 1, 40);
        Path sealed = record(dir.resolve("REC-2026-07-01.jsonl.gz"), lines);
        Map<String, Long> stored = counts();
        assertThat(deltas("REC-26JUL01-A")).isEqualTo(40);
        assertThat(db.count("import_span where market_id = (select id from market where ticker = 'REC-26JUL01-A')"))
                .as("one span of the recording's batch, grown by each commit").isEqualTo(1);

        CliRun again = kbt("import", "kalshi-ws", sealed.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("already imported");

        Path recompressed = gzip(gunzip(sealed), dir.resolve("recompressed.jsonl.gz"));
        assertThat(Files.readAllBytes(recompressed)).isNotEqualTo(Files.readAllBytes(sealed));
        Path plain = Files.write(dir.resolve("renamed.jsonl"), gunzip(sealed));
        Path crlf = Recordings.write(dir.resolve("crlf.jsonl"), lines, "\r\n");
        for (Path copy : List.of(recompressed, plain, crlf)) {
            CliRun imported = kbt("import", "kalshi-ws", copy.toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("0 snapshots, 0 deltas").contains("41 already stored (skipped)");
        }
        assertThat(counts()).isEqualTo(stored);
    }

    @Test
    void aRecordingRotatedIntoAFileWithoutSnapshotContinuesAndItsCopyAddsNothing() throws Exception {
        String ticker = "ROT-26JUL01-A";
        List<String> whole = Recordings.recording(ticker, 1, 30);
        record(dir.resolve("ROT-2026-07-01.jsonl.gz"), whole.subList(0, 21));
        Path day2 = record(dir.resolve("ROT-2026-07-02.jsonl.gz"), whole.subList(21, 31));
        assertThat(deltas(ticker)).isEqualTo(30);
        assertThat(db.count("import_batch where ws_end is not null and file_name like 'ROT-%'")).isEqualTo(2);
        Map<String, Long> stored = counts();

        CliRun copy = kbt("import", "kalshi-ws", gzip(gunzip(day2), dir.resolve("rot-day2-copy.jsonl.gz")).toString());
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("0 snapshots, 0 deltas").contains("10 already stored (skipped)")
                .contains("continued_book=1");
        assertThat(counts()).isEqualTo(stored);
    }

    /** Stores {@code lines} through a {@link RecordingStore} in small flushed segments, as kbt record does. */
    private static Path record(Path sealed, List<String> lines) throws Exception {
        try (Database database = db.open()) {
            RecordingStore store = RecordingStore.start(database, sealed);
            ByteArrayOutputStream segment = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                segment.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                if (i % 7 == 6 || i == lines.size() - 1) {
                    store.append(segment.toByteArray());
                    segment.reset();
                }
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sealed))) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            store.seal(sealed);
        }
        return sealed;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Gzip again, as two members (split after the first line), so the bytes differ from the recorder's. */
    private static Path gzip(byte[] bytes, Path file) throws IOException {
        int split = indexOf(bytes, (byte) '\n') + 1;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] member : List.of(Arrays.copyOfRange(bytes, 0, split),
                    Arrays.copyOfRange(bytes, split, bytes.length))) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(member);
                }
                out.write(zipped.toByteArray());
            }
        }
        return file;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line");
    }

    private static long deltas(String ticker) {
        return db.count("book_delta where market_id = (select id from market where ticker = '" + ticker + "')");
    }

    private static Map<String, Long> counts() {
        return db.counts(TABLES);
    }

    private static CliRun kbt(String... args) {
        return CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("--db", db.jdbcUrl())).toArray(String[]::new));
    }
}
