package io.kbt.feeds;

import java.util.Arrays;

/**
 * The fields of one plain CSV line (no quoting) as trimmed ranges of its chars, as {@link CsvLine#split} would
 * cut them but without a {@code String} per field: the seed CSV has ten columns and tens of thousands of rows a
 * day, and a row needs only a few of them, read as numbers. Fields are valid until the next {@link #split}.
 */
final class CsvFields {
    private char[] chars = new char[0];
    private int[] from = new int[16];
    private int[] to = new int[16];
    private Slice[] slices = new Slice[0];
    private int count;

    /** Splits {@code chars[0, length)} at every comma, trimming each field as {@link String#trim} does. */
    void split(char[] chars, int length) {
        this.chars = chars;
        count = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || chars[i] == ',') {
                int end = i;
                int begin = start;
                while (begin < end && chars[begin] <= ' ') {
                    begin++;
                }
                while (end > begin && chars[end - 1] <= ' ') {
                    end--;
                }
                if (count == from.length) {
                    from = Arrays.copyOf(from, count * 2);
                    to = Arrays.copyOf(to, count * 2);
                }
                from[count] = begin;
                to[count] = end;
                count++;
                start = i + 1;
            }
        }
    }

    int size() {
        return count;
    }

    /** Field {@code i} as a view of the line's chars. */
    CharSequence get(int i) {
        if (slices.length <= i) {
            Slice[] grown = Arrays.copyOf(slices, Math.max(i + 1, count));
            for (int s = slices.length; s < grown.length; s++) {
                grown[s] = new Slice();
            }
            slices = grown;
        }
        Slice slice = slices[i];
        slice.chars = chars;
        slice.from = from[i];
        slice.length = to[i] - from[i];
        return slice;
    }

    /** Whether field {@code i} is exactly {@code text}. */
    boolean is(int i, String text) {
        int length = to[i] - from[i];
        if (length != text.length()) {
            return false;
        }
        for (int c = 0; c < length; c++) {
            if (chars[from[i] + c] != text.charAt(c)) {
                return false;
            }
        }
        return true;
    }

    /** Field {@code i} as a string (for messages and the few fields parsed from one). */
    String text(int i) {
        return new String(chars, from[i], to[i] - from[i]);
    }

    /** A field's chars in place; {@link #toString} copies them (error messages quote it). */
    private static final class Slice implements CharSequence {
        char[] chars;
        int from;
        int length;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, from, length);
        }
    }
}
