package io.kbt.engine.run;

/**
 * Portfolio P&amp;L at one time, micro-dollars: total marked to mid, the realized part (closed contracts and
 * settlements, after fees), and cumulative fees.
 */
public record PnlPoint(long ts, long markedMicros, long realizedMicros, long feesMicros) {}
