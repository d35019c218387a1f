package io.kbt.db.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What one file's import did: rows added by kind, their time span, markets created from tickers, events skipped
 * because the store already held them, earlier imports replaced, the reader's own counts and warnings; or that the
 * file was imported before and nothing was added.
 */
public record ImportReport(
        String kind,
        String file,
        int batchId,
        OffsetDateTime alreadyImportedAt,
        long snapshots,
        long deltas,
        long trades,
        long indexTicks,
        int marketsCreated,
        long firstTs,
        long lastTs,
        double seconds,
        Map<String, Long> readerCounts,
        List<String> warnings,
        long duplicates,
        List<String> replaced) {
    public ImportReport {
        readerCounts = Map.copyOf(readerCounts);
        warnings = List.copyOf(warnings);
        replaced = List.copyOf(replaced);
    }

    static ImportReport alreadyImported(String kind, String file, int batchId, OffsetDateTime at, double seconds) {
        return new ImportReport(kind, file, batchId, at, 0, 0, 0, 0, 0, 0, 0, seconds, Map.of(), List.of(), 0,
                List.of());
    }

    public boolean skipped() {
        return alreadyImportedAt != null;
    }

    public long rows() {
        return snapshots + deltas + trades + indexTicks;
    }

    /** The one-line summary the CLI prints. */
    public String summary() {
        if (skipped()) {
            return String.format("%s: already imported (batch %d, %s); nothing added", file, batchId,
                    alreadyImportedAt.toInstant().truncatedTo(ChronoUnit.SECONDS));
        }
        StringBuilder line = new StringBuilder(file).append(": ");
        line.append(count(snapshots, "snapshot")).append(", ").append(count(deltas, "delta")).append(", ")
                .append(count(trades, "trade")).append(", ").append(count(indexTicks, "index tick"));
        if (rows() > 0) {
            line.append(", ").append(Instant.EPOCH.plus(firstTs, ChronoUnit.MICROS))
                    .append(" .. ").append(Instant.EPOCH.plus(lastTs, ChronoUnit.MICROS));
        }
        if (duplicates > 0) {
            line.append(String.format(", %,d already stored (skipped)", duplicates));
        }
        if (marketsCreated > 0) {
            line.append(String.format(", %d market%s created from tickers", marketsCreated,
                    marketsCreated == 1 ? "" : "s"));
        }
        line.append(String.format(" in %.1f s (%,.0f rows/s, batch %d)", seconds,
                seconds > 0 ? rows() / seconds : 0.0, batchId));
        replaced.forEach(r -> line.append("; ").append(r));
        return line.toString();
    }

    private static String count(long n, String kind) {
        return String.format("%,d %s%s", n, kind, n == 1 ? "" : "s");
    }
}
