package io.kbt.kalshi.ws;

/** What the socket hands the recorder's loop, in arrival order. */
sealed interface Inbound {
    /** One complete text frame and when it was received (UTC epoch µs). */
    record Text(String text, long receivedMicros) implements Inbound {}

    /** The connection ended; {@code reason} says how. */
    record Closed(String reason) implements Inbound {}
}
