package io.kbt.engine.market;

import java.time.LocalDate;

/** An index's close on one New York trading day. */
public record DailyClose(LocalDate date, double close) {
    public DailyClose {
        if (!(close > 0) || !Double.isFinite(close)) {
            throw new IllegalArgumentException("close on " + date + " must be positive and finite: " + close);
        }
    }
}
