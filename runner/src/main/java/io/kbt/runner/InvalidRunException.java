package io.kbt.runner;

/**
 * A run described wrongly: a selection that matches no market, a malformed sweep grid, no strategy or no data.
 * The message says what to fix; the CLI exits 2 on it.
 */
public final class InvalidRunException extends IllegalArgumentException {
    public InvalidRunException(String message) {
        super(message);
    }
}
