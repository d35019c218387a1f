package io.kbt.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a plain CSV line (no quoting, as the index and seed files are) into trimmed fields. */
final class CsvLine {
    private CsvLine() {}

    static List<String> split(char[] chars, int length) {
        List<String> fields = new ArrayList<>(12);
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || chars[i] == ',') {
                fields.add(new String(chars, start, i - start).trim());
                start = i + 1;
            }
        }
        return fields;
    }

    /** Index of the first header name among {@code names}, −1 when none. */
    static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replace("\"", "");
            for (String candidate : names) {
                if (name.equals(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
