package io.kbt.db;

/** The database cannot be reached or refused us; the CLI exits 4. The message never contains a password. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
