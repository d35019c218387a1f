package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The files of a recording: one frames file per New York trading day, {@code BASE-YYYY-MM-DD.jsonl.gz} (a second
 * run on the same day adds {@code BASE-YYYY-MM-DD.2.jsonl.gz}, ...), written through {@link RecordingFile}, and
 * beside it {@code BASE-YYYY-MM-DD.markets.json} with the Kalshi market objects recorded that day.
 */
final class DayFiles {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Path dir;
    private final String base;
    private final ObjectMapper mapper;
    private RecordingFile current;
    private LocalDate day;

    DayFiles(Path dir, String base, ObjectMapper mapper) {
        this.dir = dir;
        this.base = base;
        this.mapper = mapper;
    }

    static LocalDate newYorkDay(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L)).atZone(NEW_YORK).toLocalDate();
    }

    /** The day of the open file, or null. */
    LocalDate day() {
        return day;
    }

    /** Opens the file of {@code newDay} if none is open. */
    void open(LocalDate newDay) {
        if (current != null) {
            return;
        }
        day = newDay;
        String stem = base + "-" + newDay;
        Path file = dir.resolve(stem + ".jsonl.gz");
        for (int n = 2; Files.exists(file) || Files.exists(file.resolveSibling(file.getFileName() + RecordingFile.PART));
                n++) {
            file = dir.resolve(stem + "." + n + ".jsonl.gz");
        }
        current = new RecordingFile(file);
    }

    void write(String line) {
        current.write(line);
    }

    long lines() {
        return current == null ? 0 : current.lines();
    }

    /** Flushes the open file; returns the lines flushed (null if none) and tells {@code listener}. */
    void flush(RecorderListener listener) {
        if (current != null) {
            byte[] flushed = current.flush();
            if (flushed != null) {
                listener.flushed(current.sealedPath(), flushed);
            }
        }
    }

    /** Flushes and seals the open file; returns it, or null when none was open or it held nothing. */
    Path seal(RecorderListener listener) {
        if (current == null) {
            return null;
        }
        flush(listener);
        Path sealed = current.seal();
        current = null;
        day = null;
        return sealed;
    }

    /** (Re)writes the markets file of {@code forDay}, atomically. */
    Path writeMarkets(LocalDate forDay, Collection<ObjectNode> markets) {
        Path file = dir.resolve(base + "-" + forDay + ".markets.json");
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("markets");
        markets.forEach(array::add);
        try {
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
