package io.kbt.cli;

/** A command-line mistake the user must fix (bad option value, unknown key); exits 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
