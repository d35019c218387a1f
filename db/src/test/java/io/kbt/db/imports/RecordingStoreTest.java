package io.kbt.db.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording stored segment by segment while it is written holds exactly the rows of importing the sealed file,
 * also when the database falls behind and the store finishes from the file; importing the file then adds nothing.
 */
class RecordingStoreTest {
    static TestDatabase live;
    static TestDatabase imported;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() {
        live = TestDatabase.create(RecordingStoreTest.class);
        imported = TestDatabase.create(RecordingStoreTest.class);
    }

    @AfterAll
    static void drop() {
        live.close();
        imported.close();
    }

    private static List<String> frames(String market, int deltas) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"kbt_rx_us\":1782914400000000,\"type\":\"subscribed\",\"id\":1,\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}");
        lines.add("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"" + market
                + "\",\"yes_dollars_fp\":[[\"0.40\",\"100.00\"]],\"no_dollars_fp\":[[\"0.55\",\"100.00\"]]}}");
        for (int i = 0; i < deltas; i++) {
            lines.add("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + (i + 2) + ",\"msg\":{\"market_ticker\":\""
                    + market + "\",\"price_dollars\":\"0.40\",\"delta_fp\":\"" + (i % 2 == 0 ? "1.50" : "-1.50")
                    + "\",\"side\":\"yes\",\"ts\":\"2026-07-01T14:" + String.format("%02d:%02d", i / 60 % 60, i % 60)
                    + ".000000Z\"}}");
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(longs = {RecordingStore.MAX_QUEUED_BYTES, 2_000})
    void storedWhileWrittenEqualsImportingTheSealedFile(long maxQueuedBytes) throws Exception {
        String market = "INXD-26JUL01-B" + (maxQueuedBytes == 2_000 ? "5025" : "5000");
        Path file = dir.resolve(market + ".jsonl.gz");
        List<String> lines = frames(market, 500);
        try (Database db = live.open()) {
            RecordingStore store = RecordingStore.start(db, file, maxQueuedBytes);
            ByteArrayOutputStream segment = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                segment.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                if (i % 50 == 49 || i == lines.size() - 1) {
                    store.append(segment.toByteArray());
                    segment.reset();
                }
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            store.seal(file);
            assertThat(store.behind()).isEqualTo(maxQueuedBytes == 2_000);
        }
        try (Database db = imported.open()) {
            new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(file));
        }
        assertThat(rows(live, market)).hasSize(501).isEqualTo(rows(imported, market));
        try (Database db = live.open()) {
            assertThat(new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(file)).summary())
                    .contains("already imported");
        }
    }

    private static List<String> rows(TestDatabase db, String market) throws SQLException {
        String sql = "select 's', seq, ts, yes_price::text || yes_qty::text, b.file_name from book_snapshot e"
                + " join market m on m.id = e.market_id join import_batch b on b.id = e.batch_id where m.ticker = '"
                + market + "' union all select 'd', seq, ts, side || ' ' || price || ' ' || delta, b.file_name"
                + " from book_delta e join market m on m.id = e.market_id join import_batch b on b.id = e.batch_id"
                + " where m.ticker = '" + market + "' order by 2";
        List<String> rows = new ArrayList<>();
        try (Connection c = Database.connect(db.url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getObject(3) + " " + r.getString(4) + " "
                        + r.getString(5));
            }
        }
        return rows;
    }
}
