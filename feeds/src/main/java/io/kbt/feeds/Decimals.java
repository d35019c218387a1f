package io.kbt.feeds;

/**
 * Exact parsing of decimal text (never through {@code double}): Kalshi's dollar strings and fixed-point counts
 * become whole micro-dollars and hundredths of a contract.
 */
final class Decimals {
    private Decimals() {}

    /**
     * {@code text} × 10^scale as a long. Returns {@link Long#MIN_VALUE} when the text has non-zero digits beyond
     * {@code scale} decimals; throws {@link NumberFormatException} when it is not a plain decimal number.
     */
    static long scaled(CharSequence text, int scale) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        int integerDigits = 0;
        while (i < length && Character.isDigit(text.charAt(i))) {
            value = Math.addExact(Math.multiplyExact(value, 10), text.charAt(i) - '0');
            i++;
            integerDigits++;
        }
        int decimals = 0;
        boolean finer = false;
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && Character.isDigit(text.charAt(i))) {
                int digit = text.charAt(i) - '0';
                if (decimals < scale) {
                    value = Math.addExact(Math.multiplyExact(value, 10), digit);
                    decimals++;
                } else if (digit != 0) {
                    finer = true;
                }
                i++;
            }
            if (decimals == 0 && !finer && text.charAt(i - 1) == '.') {
                throw new NumberFormatException("not a decimal number: \"" + text + "\"");
            }
        }
        if (i != length || (integerDigits == 0 && decimals == 0 && !finer)) {
            throw new NumberFormatException("not a decimal number: \"" + text + "\"");
        }
        if (finer) {
            return Long.MIN_VALUE;
        }
        for (; decimals < scale; decimals++) {
            value = Math.multiplyExact(value, 10);
        }
        return negative ? -value : value;
    }

    /** Number of digits after the decimal point of {@code text}. */
    static int decimals(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                return text.length() - i - 1;
            }
        }
        return 0;
    }
}
