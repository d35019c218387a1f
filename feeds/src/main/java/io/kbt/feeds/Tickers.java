package io.kbt.feeds;

import java.util.regex.Pattern;

/**
 * What a Kalshi ticker (market, event or series) may look like before kbt stores it or names a file after it:
 * 1 to {@value #MAX_LENGTH} characters of letters, digits, {@code -}, {@code .} and {@code _} (Kalshi's own are
 * like {@code KXBTCD-26JUL0317-T60999.99}); nothing that could be a control byte, a path or too long a file name.
 */
public final class Tickers {
    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    private Tickers() {}

    /** Why {@code ticker} is unusable, or {@code null} when it is fine. */
    public static String problem(String ticker) {
        if (ticker == null || ticker.isEmpty()) {
            return "empty ticker";
        }
        if (ticker.length() > MAX_LENGTH) {
            return "ticker of " + ticker.length() + " characters (at most " + MAX_LENGTH + ")";
        }
        if (!ALLOWED.matcher(ticker).matches() || ticker.equals(".") || ticker.equals("..")) {
            return "ticker \"" + printable(ticker) + "\" has characters other than letters, digits, '-', '.' and '_'";
        }
        return null;
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.length() > 40 ? shown + "..." : shown.toString();
    }
}
