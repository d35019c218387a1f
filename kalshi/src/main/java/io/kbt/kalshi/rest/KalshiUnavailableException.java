package io.kbt.kalshi.rest;

/** Kalshi kept failing (429, 5xx, dropped connections) after every retry; what was stored so far stays. */
public final class KalshiUnavailableException extends RuntimeException {
    public KalshiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
