package io.kbt.kalshi.auth;

/** An API key that cannot be used: missing, unreadable or not an RSA private key. Never carries key material. */
public final class KeyFileException extends RuntimeException {
    public KeyFileException(String message) {
        super(message, null, false, false);
    }
}
