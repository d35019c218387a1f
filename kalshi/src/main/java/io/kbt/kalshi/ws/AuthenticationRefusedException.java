package io.kbt.kalshi.ws;

/** Kalshi refused the API key (error code 9, or HTTP 401/403): retrying cannot help, so recording stops. */
public final class AuthenticationRefusedException extends RuntimeException {
    public AuthenticationRefusedException(String message) {
        super(message, null, false, false);
    }
}
