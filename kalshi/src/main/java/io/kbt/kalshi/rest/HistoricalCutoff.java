package io.kbt.kalshi.rest;

/**
 * {@code GET /historical/cutoff}, in UTC epoch microseconds: markets settled before {@code marketSettled} (and
 * their candles) are served only by {@code /historical/markets...}, trades created before {@code tradesCreated}
 * only by {@code /historical/trades}. Both move forward over time.
 */
public record HistoricalCutoff(long marketSettled, long tradesCreated) {}
