package io.kbt.kalshi.ws;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Seals the {@code .part} files a killed recorder left: keeps every complete line of the readable gzip prefix
 * (a process killed mid-member leaves at most its last second unreadable or cut), writes them as one gzip file
 * under the final name and removes the {@code .part}. A {@code .part} with no complete line is removed.
 */
final class PartRecovery {
    /** What one recovery did. */
    record Recovered(Path sealed, long lines, boolean cut) {}

    private PartRecovery() {}

    static List<Recovered> recoverAll(Path dir) {
        List<Recovered> recovered = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path part : files.filter(p -> p.getFileName().toString().endsWith(RecordingFile.PART)).sorted()
                    .toList()) {
                Recovered one = recover(part);
                if (one != null) {
                    recovered.add(one);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return recovered;
    }

    static Recovered recover(Path part) {
        String name = part.getFileName().toString();
        Path sealed = part.resolveSibling(name.substring(0, name.length() - RecordingFile.PART.length()));
        Path temp = part.resolveSibling(name + ".tmp");
        long lines = 0;
        boolean cut = false;
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try (InputStream raw = Files.newInputStream(part);
                OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    int last = -1;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                            last = i;
                        }
                    }
                    if (last < 0) {
                        pending.write(buffer, 0, n);
                        continue;
                    }
                    // only whole lines reach the sealed file: what follows the last newline waits for the next one
                    pending.writeTo(out);
                    pending.reset();
                    out.write(buffer, 0, last + 1);
                    pending.write(buffer, last + 1, n - last - 1);
                }
            } catch (EOFException | ZipException e) {
                // killed mid-member (or before the first header was whole): keep what came before
                cut = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + part, e);
        }
        try {
            if (lines == 0) {
                Files.delete(temp);
                Files.delete(part);
                return null;
            }
            Files.move(temp, sealed, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(part);
            return new Recovered(sealed, lines, cut || pending.size() > 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal " + part, e);
        }
    }
}
