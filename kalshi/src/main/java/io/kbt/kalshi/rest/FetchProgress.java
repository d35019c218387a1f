package io.kbt.kalshi.rest;

/** Where a fetch reports how far it is: one unit per market (or series), for a bar with an ETA. */
public interface FetchProgress {
    FetchProgress NONE = new FetchProgress() {};

    default void start(String kind, long units) {}

    default void step(String ticker) {}

    default void done() {}
}
