package io.kbt.engine.strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * A strategy's resolved parameter set: every key of its provider with a validated, canonical value (defaults,
 * then the chosen preset, then the user's keys). Typed getters read the kinds {@link ParameterKind} defines;
 * asking for a key the provider did not declare is a programming error.
 */
public final class StrategyParams {
    private final Map<String, String> values;

    public StrategyParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every key and canonical value, in the provider's order. */
    public Map<String, String> asMap() {
        return values;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new NoSuchElementException("no strategy parameter '" + key + "' in " + values.keySet());
        }
        return value;
    }

    public BigDecimal decimal(String key) {
        return new BigDecimal(text(key));
    }

    public double real(String key) {
        return Double.parseDouble(text(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** A whole number ({@link ParameterKind#SECONDS}, {@link ParameterKind#WHOLE}). */
    public long whole(String key) {
        return Long.parseLong(text(key));
    }

    /** A {@link ParameterKind#CONTRACTS} value in hundredths of a contract. */
    public long hundredths(String key) {
        return decimal(key).movePointRight(2).longValueExact();
    }

    /** A {@link ParameterKind#CENTS_OR_NONE} value: empty for {@code none}. */
    public OptionalLong wholeOrNone(String key) {
        String value = text(key);
        return value.equals("none") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyParams other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
