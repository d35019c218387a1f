package io.kbt.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * kbt's one formatting of integer units for people (console, chart titles): micro-dollars as dollars, hundredths
 * as contracts. Always {@code 1,234.56}, whatever the JVM's locale.
 */
public final class Figures {
    private Figures() {}

    /** Micro-dollars as {@code $1,234.56} (or {@code -$0.40}), rounded half-even to the cent for display. */
    public static String dollars(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).setScale(2, RoundingMode.HALF_EVEN);
        String text = String.format(Locale.ROOT, "%,.2f", value.abs());
        return (value.signum() < 0 ? "-$" : "$") + text;
    }

    /** Hundredths of a contract as {@code 1,234.56}. */
    public static String contracts(long hundredths) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(hundredths, 2));
    }
}
