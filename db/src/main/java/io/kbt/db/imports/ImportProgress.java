package io.kbt.db.imports;

/** Told how an import advances, e.g. to draw a progress bar on stderr. */
public interface ImportProgress {
    /** Reading {@code file} starts; {@code sizeBytes} is its size on disk. */
    default void start(String file, long sizeBytes) {}

    /** {@code events} events read so far (called every few thousand). */
    default void read(long events) {}

    /** Reading is done; loading into the database follows. */
    default void loading() {}

    default void done() {}

    ImportProgress NONE = new ImportProgress() {};
}
