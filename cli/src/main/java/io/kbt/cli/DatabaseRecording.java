package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.Imports;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.db.imports.RecordingStore;
import io.kbt.kalshi.ws.RecorderListener;
import io.kbt.kalshi.ws.RecorderStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The database side of {@code kbt record}: each recording file is stored while it is written (a
 * {@link RecordingStore} per file, fed every flushed segment), markets files are upserted as they change, and a
 * file recovered after a crash is finished from where its store stopped (or imported whole if it had none). A
 * failure here is reported and recording goes on: the files are the record, and {@code kbt import} loads them later.
 */
final class DatabaseRecording implements RecorderListener {
    private final Database db;
    private final RecordProgress progress;
    private final Map<Path, RecordingStore> stores = new HashMap<>();

    DatabaseRecording(Database db, RecordProgress progress) {
        this.db = db;
        this.progress = progress;
    }

    @Override
    public void marketsWritten(Path marketsFile) {
        try {
            new MarketsImporter(db).importFile(marketsFile);
        } catch (RuntimeException e) {
            progress.note("warning: markets not stored: " + e.getMessage());
        }
    }

    @Override
    public void flushed(Path recording, byte[] lines) {
        RecordingStore store = stores.get(recording);
        if (store == null) {
            try {
                store = RecordingStore.start(db, recording);
            } catch (RuntimeException e) {
                progress.note("warning: " + recording.getFileName() + " is not stored as it is written: "
                        + e.getMessage());
                return;
            }
            stores.put(recording, store);
        }
        store.append(lines);
    }

    @Override
    public void sealed(Path recording) {
        RecordingStore store = stores.remove(recording);
        try {
            if (store != null) {
                int batch = store.seal(recording);
                progress.note("stored " + recording.getFileName() + " (batch " + batch + ")");
            } else if (RecordingStore.finishRecovered(db, recording)) {
                progress.note("stored the rest of " + recording.getFileName());
            } else {
                progress.note(new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(recording))
                        .summary());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                RecordingStore.discard(db, recording);
            } catch (RuntimeException alsoFailed) {
                progress.note("warning: " + alsoFailed.getMessage());
            }
            progress.note("warning: " + recording.getFileName() + " not stored: " + e.getMessage()
                    + " (the file is complete; kbt import kalshi-ws loads it)");
        }
    }

    @Override
    public void status(RecorderStatus status) {
        progress.status(status);
    }

    @Override
    public void note(String line) {
        progress.note(line);
    }
}
