package io.kbt.engine.run;

import io.kbt.engine.market.Result;

/** A market settling at close: {@code position} (hundredths) paid {@code payoutMicros}. */
public record Settlement(long ts, int market, Result result, long position, long payoutMicros, SettlementSource source) {}
