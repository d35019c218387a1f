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
    private final java.io.ByteArrayOutputStream segment = new java.io.ByteArrayOutputStream(1 << 16);
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
                member = new GZIPOutputStream(file, 1 << 16) {
                    {
                        // the recorder must keep up with the feed: fastest deflate, files a little larger
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                };
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            member.write(bytes);
            member.write('\n');
            segment.write(bytes);
            segment.write('\n');
            lines++;
            linesInMember++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }

    /**
     * Closes the open gzip member, if it holds anything, so that everything written so far is readable; returns the
     * lines of that member (what is now safely in the file), or null when there were none.
     */
    byte[] flush() {
        if (member == null || linesInMember == 0) {
            return null;
        }
        try {
            member.finish();
            member = null;
            linesInMember = 0;
            byte[] flushed = segment.toByteArray();
            segment.reset();
            return flushed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }

    /** Forces to disk and renames {@code .part} to the final name; returns the sealed file. Flush first. */
    Path seal() {
        try {
            if (flush() != null) {
                throw new IllegalStateException("sealing " + part + " with lines not flushed");
            }
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
