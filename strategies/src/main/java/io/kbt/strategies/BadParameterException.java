package io.kbt.strategies;

/**
 * A strategy parameter the user got wrong: an unknown key or strategy, a value of the wrong kind, or an
 * unreadable config file. The message names the key and what it accepts; the CLI exits 2 on it.
 */
public final class BadParameterException extends IllegalArgumentException {
    private final String key;

    public BadParameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    public BadParameterException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The parameter key (or {@code strategy}, or the config file) the problem is about. */
    public String key() {
        return key;
    }
}
