package io.kbt.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code --out} directory of a report: new, empty, or an earlier kbt report of the same kind, which the new
 * one replaces whole (so no stale {@code fills-*.png} of the older run stays beside it). Anything else is refused
 * before any work, so a report never lands among, or deletes, files kbt did not write.
 */
public enum ReportDirectory {
    BACKTEST("backtest", "summary.json",
            Pattern.compile("summary\\.json|fills\\.csv|timeseries\\.csv|pnl\\.png|inventory\\.png|index\\.html"
                    + "|fills-.+\\.png|daily-pnl\\.png")),
    SWEEP("sweep", "sweep.json", Pattern.compile("sweep\\.csv|sweep\\.json|sweep\\.html|daily\\.csv|heatmap-(pnl|fills).*\\.png"
            + "|daily-pnl\\.png|walk-forward\\.png|pbo-logits\\.png"));

    private final String kind;
    private final String marker;
    private final Pattern files;

    ReportDirectory(String kind, String marker, Pattern files) {
        this.kind = kind;
        this.marker = marker;
        this.files = files;
    }

    /** Refuses (exit 2) an {@code --out} that is a file, or a non-empty directory that is not such a report. */
    public void check(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new InvalidRunException("--out " + out + " is a file; give a directory for the " + kind + " report");
        }
        List<Path> entries = entries(out);
        if (entries.isEmpty()) {
            return;
        }
        if (!Files.isRegularFile(out.resolve(marker))) {
            throw new InvalidRunException("--out " + out + " is not empty and is not a kbt " + kind + " report; give a new"
                    + " or empty directory");
        }
        for (Path entry : entries) {
            if (!Files.isRegularFile(entry) || !files.matcher(entry.getFileName().toString()).matches()) {
                throw new InvalidRunException("--out " + out + " holds " + entry.getFileName() + ", which a kbt " + kind
                        + " report does not write; give a new or empty directory");
            }
        }
    }

    /** Checks {@code out} again and removes the earlier report in it, just before the new one is written. */
    public void clear(Path out) {
        check(out);
        if (!Files.isDirectory(out)) {
            return;
        }
        try {
            for (Path entry : entries(out)) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier report in " + out, e);
        }
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list --out " + dir, e);
        }
    }
}
