package io.kbt.kalshi.ws;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * One recording file being written: lines go to {@code NAME.part} as a series of gzip members, one closed at every
 * {@link #flush()} (the recorder flushes at least every second), so a crash loses at most the open member and
 * every byte before it stays readable by any gzip reader. {@link #seal()} closes the last member, forces the file
 * to disk and renames it to {@code NAME}; only sealed files are imported.
 */
final class RecordingFile implements AutoCloseable {
    static final String PART = ".part";

    private final Path sealed;
    private final Path part;
    private final FileChannel channel;
    private final OutputStream file;
    private GZIPOutputStream member;
    private long lines;
    private long linesInMember;

    RecordingFile(Path sealed) {
        this.sealed = sealed;
        this.part = sealed.resolveSibling(sealed.getFileName() + PART);
        try {
            channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // members are closed one after the other on the same file: closing a member must not close the file
            file = new FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {}
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + part, e);
        }
    }

    Path sealedPath() {
        return sealed;
    }

    long lines() {
        return lines;
    }

    void write(String line) {
        try {
            if (member == null) {
                member = new GZIPOutputStream(file, 1 << 16);
            }
            member.write(line.getBytes(StandardCharsets.UTF_8));
            member.write('\n');
            lines++;
            linesInMember++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }

    /** Closes the open gzip member, if it holds anything, so that everything written so far is readable. */
    void flush() {
        if (member == null || linesInMember == 0) {
            return;
        }
        try {
            member.finish();
            member = null;
            linesInMember = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }

    /** Flushes, forces to disk, and renames {@code .part} to the final name; returns the sealed file. */
    Path seal() {
        try {
            flush();
            channel.force(true);
            channel.close();
            if (lines == 0) {
                Files.delete(part);
                return null;
            }
            Files.move(part, sealed, StandardCopyOption.ATOMIC_MOVE);
            return sealed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal " + part, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + part, e);
        }
    }
}
