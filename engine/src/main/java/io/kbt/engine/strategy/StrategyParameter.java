package io.kbt.engine.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One typed strategy parameter: its key, what it accepts ({@code kind}, narrowed by an optional inclusive range
 * {@code min..max}), its unit and default, and what it means. A provider lists these; kbt validates every
 * {@code --set}, {@code --config} and {@code --grid} value against them before the strategy sees it.
 *
 * @param min smallest accepted value, or {@code null}; only for numeric kinds
 * @param max largest accepted value, or {@code null}; only for numeric kinds
 */
public record StrategyParameter(
        String key, ParameterKind kind, String unit, String defaultValue, String doc, BigDecimal min, BigDecimal max) {
    public StrategyParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        unit = unit == null ? "" : unit;
        doc = doc == null ? "" : doc;
        if ((min != null || max != null) && !kind.numeric()) {
            throw new IllegalArgumentException("parameter " + key + ": a range needs a numeric kind, not " + kind);
        }
        if (defaultValue != null && accept(key, kind, min, max, defaultValue) == null) {
            throw new IllegalArgumentException("parameter " + key + ": default '" + defaultValue + "' is not "
                    + describe(kind, min, max));
        }
        defaultValue = defaultValue == null ? null : accept(key, kind, min, max, defaultValue);
    }

    /** A parameter without a range. */
    public static StrategyParameter of(String key, ParameterKind kind, String unit, String defaultValue, String doc) {
        return new StrategyParameter(key, kind, unit, defaultValue, doc, null, null);
    }

    /** This parameter accepting only {@code min..max} (inclusive; either may be {@code null} for no bound). */
    public StrategyParameter range(String min, String max) {
        return new StrategyParameter(key, kind, unit, defaultValue, doc,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    /** What the parameter accepts, range included, e.g. {@code a number ≥ 0 in 0..1}. */
    public String accepts() {
        return describe(kind, min, max);
    }

    /** The canonical spelling of {@code raw}, or {@code null} when this parameter does not accept it. */
    public String canonical(String raw) {
        return raw == null ? null : accept(key, kind, min, max, raw);
    }

    private static String accept(String key, ParameterKind kind, BigDecimal min, BigDecimal max, String raw) {
        String value = kind.canonical(raw);
        if (value == null || !kind.numeric() || "none".equals(value)) {
            return value;
        }
        BigDecimal number = new BigDecimal(value);
        if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
            return null;
        }
        return value;
    }

    private static String describe(ParameterKind kind, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return kind.accepts();
        }
        return kind.accepts() + " in " + (min == null ? "" : ParameterKind.format(min)) + ".."
                + (max == null ? "" : ParameterKind.format(max));
    }
}
