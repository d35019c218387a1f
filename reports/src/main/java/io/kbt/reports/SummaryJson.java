package io.kbt.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run under their {@code summary.json} names (money in exact cents, quantities in contracts), and
 * the {@code summary.json} document. Sweeps use {@link #figures} so both speak the same column names.
 */
public final class SummaryJson {
    private SummaryJson() {}

    /** The run-wide figures of {@code result}, in a stable order, as JSON-ready numbers. */
    public static Map<String, Object> figures(RunResult result) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("events", result.events());
        f.put("fills", result.fills());
        f.put("contracts", Decimals.contracts(result.contracts()));
        f.put("volume_cents", Decimals.cents(result.volumeMicros()));
        f.put("fees_cents", Decimals.cents(result.feesMicros()));
        f.put("pnl_cents", Decimals.cents(result.pnlMicros()));
        f.put("max_drawdown_cents", Decimals.cents(result.maxDrawdownMicros()));
        f.put("max_abs_position", Decimals.contracts(result.maxAbsPosition()));
        f.put("peak_capital_cents", Decimals.cents(result.peakCapitalMicros()));
        f.put("pnl_over_drawdown", pnlOverDrawdown(result));
        f.put("orders_sent", result.ordersSent());
        f.put("cancels_sent", result.cancelsSent());
        f.put("markets_traded", result.markets().stream().filter(m -> m.fills() > 0).count());
        f.put("replay_ms", result.replayNanos() / 1_000_000);
        f.put("events_per_second", eventsPerSecond(result));
        return f;
    }

    /** The whole {@code summary.json} document of a backtest. */
    public static Map<String, Object> summary(RunResult result, RunInfo info) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("strategy", info.strategy());
        s.put("params", info.params());
        s.put("from", info.from().toString());
        s.put("to", info.to().toString());
        s.put("queue_model", info.queueModel());
        s.put("fee_schedule", info.feeSchedule());
        s.put("markets", markets(result.markets()));
        s.putAll(figures(result));
        s.put("load_ms", info.loadMs());
        BookAnomalies anomalies = result.anomalies();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("clamped_levels", anomalies.clampedLevels());
        a.put("crossed_books", anomalies.crossedBooks());
        a.put("skipped_events", anomalies.skippedEvents());
        a.put("crossed_fills_skipped", anomalies.crossedFillsSkipped());
        a.put("markets_without_trades", anomalies.marketsWithoutTrades());
        s.put("book_anomalies", a);
        s.put("warnings", anomalies.warnings());
        return s;
    }

    /** Per-market rows: ticker, result, P&amp;L, fills, contracts, fees, final position. */
    public static List<Map<String, Object>> markets(List<MarketSummary> markets) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MarketSummary m : markets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticker", m.ticker());
            row.put("result", m.result().name().toLowerCase(Locale.ROOT));
            row.put("pnl_cents", Decimals.cents(m.pnlMicros()));
            row.put("fills", m.fills());
            row.put("contracts", Decimals.contracts(m.contracts()));
            row.put("fees_cents", Decimals.cents(m.feesMicros()));
            row.put("final_position", Decimals.contracts(m.finalPosition()));
            rows.add(row);
        }
        return rows;
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    static void write(Path file, Object document) {
        try {
            mapper().writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object pnlOverDrawdown(RunResult result) {
        if (result.maxDrawdownMicros() == 0) {
            return null;
        }
        return BigDecimal.valueOf(result.pnlMicros())
                .divide(BigDecimal.valueOf(result.maxDrawdownMicros()), 3, java.math.RoundingMode.HALF_EVEN);
    }

    private static long eventsPerSecond(RunResult result) {
        return result.replayNanos() <= 0 ? 0 : Math.round(result.events() * 1e9 / result.replayNanos());
    }
}
