package io.kbt.engine.strategy;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a strategy parameter accepts. {@link #canonical} validates a user's text and returns the one spelling
 * used in a run's {@code params}, summary.json and sweep columns ({@code 1.50} → {@code 1.5}, {@code TRUE} →
 * {@code true}).
 */
public enum ParameterKind {
    REAL("a finite number"),
    POSITIVE_REAL("a number > 0"),
    NON_NEGATIVE_REAL("a number ≥ 0"),
    CONTRACTS("a number of contracts > 0 with at most 2 decimals"),
    BOOLEAN("true or false"),
    SECONDS("a whole number of seconds ≥ 0"),
    WHOLE("a whole number ≥ 0"),
    CENTS_OR_NONE("a whole number of cents ≥ 0, or none"),
    TEXT("any text");

    /** Bounds that keep hundredths of a contract and micro-dollars far from overflowing a long. */
    private static final BigDecimal MAX_CONTRACTS = new BigDecimal("1000000000");
    private static final long MAX_WHOLE = 1_000_000_000_000L;

    private final String accepts;

    ParameterKind(String accepts) {
        this.accepts = accepts;
    }

    /** What the kind accepts, for error messages and the parameter table. */
    public String accepts() {
        return accepts;
    }

    /** The canonical spelling of {@code raw}, or {@code null} when this kind does not accept it. */
    public String canonical(String raw) {
        String text = raw.strip();
        return switch (this) {
            case REAL -> decimal(text, Double.NEGATIVE_INFINITY, false);
            case POSITIVE_REAL -> decimal(text, 0, true);
            case NON_NEGATIVE_REAL -> decimal(text, 0, false);
            case CONTRACTS -> {
                String value = decimal(text, 0, true);
                yield value != null && new BigDecimal(value).scale() <= 2
                        && new BigDecimal(value).compareTo(MAX_CONTRACTS) <= 0 ? value : null;
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> "true";
                case "false", "no", "off" -> "false";
                default -> null;
            };
            case SECONDS, WHOLE -> wholeNumber(text);
            case CENTS_OR_NONE -> text.equalsIgnoreCase("none") ? "none" : wholeNumber(text);
            case TEXT -> text;
        };
    }

    /** Whether canonical values of this kind are numbers, so that a parameter's range applies. */
    public boolean numeric() {
        return this != BOOLEAN && this != TEXT;
    }

    /** The canonical spelling of a decimal: no trailing zeros, no exponent for whole numbers. */
    public static String format(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toString();
    }

    /** The canonical spelling of a double, as {@link #REAL} would read its shortest decimal form. */
    public static String format(double value) {
        return REAL.canonical(Double.toString(value));
    }

    private static String decimal(String text, double bound, boolean strict) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        double asDouble = value.doubleValue();
        if (!Double.isFinite(asDouble) || (strict ? !(asDouble > bound) : !(asDouble >= bound))) {
            return null;
        }
        return format(value);
    }

    private static String wholeNumber(String text) {
        String value = decimal(text, 0, false);
        if (value == null || new BigDecimal(value).scale() > 0) {
            return null;
        }
        try {
            long whole = Long.parseLong(value);
            return whole <= MAX_WHOLE ? Long.toString(whole) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
