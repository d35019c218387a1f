package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonToken;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hot path of {@link KalshiWsReader}: fills a {@link WsFrame} straight from an ASCII line's bytes for the plain
 * shapes recorders write (one object; strings without escapes; integers; {@code true}, {@code false},
 * {@code null}; {@code msg} an object; levels arrays of two-value arrays). On anything else it gives up and the
 * line goes to Jackson ({@link WsFrame#parse}), which reads it or names what is wrong with it: the scanner never
 * reports bad input itself, so errors stay Jackson's and {@link JsonFields}'. Written by hand because Jackson's
 * streaming parser took most of the time of loading a directory (see {@code JsonLayerBench.scanDeltas} in the
 * README); the values it keeps are the same token kinds and texts Jackson gives.
 */
final class WsFrameScanner {
    private static final int UNKNOWN = -1;
    private static final String[] TOP = {"type", "sid", "seq", "msg"};
    private static final String[] MSG = {"market_ticker", "price", "price_dollars", "delta", "delta_fp", "side", "ts",
        "ts_ms", "yes_price", "no_price", "yes_price_dollars", "no_price_dollars", "count", "count_fp", "taker_side",
        "yes", "no", "yes_dollars", "no_dollars", "yes_dollars_fp", "no_dollars_fp"};
    private static final byte[][] TOP_BYTES = bytes(TOP);
    private static final byte[][] MSG_BYTES = bytes(MSG);
    private static final int KEYS = 64;
    private static final int[][] TOP_BY_KEY = byKey(TOP_BYTES);
    private static final int[][] MSG_BY_KEY = byKey(MSG_BYTES);
    /** The longest integer read here; longer ones go to Jackson, whose limits then apply. */
    private static final int MAX_DIGITS = 19;

    /** Values up to this many bytes are cached ({@link #value}); longer ones (times, ids) are rarely repeated. */
    private static final int CACHED_LENGTH = 24;
    private static final int CACHE_BITS = 12;
    private static final int CACHE_SLOTS = 1 << CACHE_BITS;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    private final byte[][] cacheKeys = new byte[CACHE_SLOTS][];
    private final JsonValue[] cacheValues = new JsonValue[CACHE_SLOTS];
    private boolean caching = true;
    private WsFrame frame;
    private byte[] b;
    private int p;
    private int end;

    private static byte[][] bytes(String[] names) {
        byte[][] all = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            all[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return all;
    }

    /** Reads into {@code into} the frame on {@code length} ASCII bytes from {@code from}; false when Jackson must. */
    boolean scan(WsFrame into, byte[] bytes, int from, int length) {
        frame = into;
        frame.clear();
        b = bytes;
        p = from;
        end = from + length;
        space();
        if (!take('{')) {
            return false;
        }
        space();
        if (p < end && b[p] == '}') {
            return false;
        }
        while (true) {
            space();
            int field = name(TOP_BYTES);
            if (field == Integer.MIN_VALUE || !colon()) {
                return false;
            }
            boolean read = switch (field) {
                case 0 -> (frame.type = scalar()) != null;
                case 1 -> (frame.sid = scalar()) != null;
                case 2 -> (frame.seq = uncached()) != null;
                case 3 -> msg();
                default -> scalar() != null;
            };
            if (!read) {
                return false;
            }
            space();
            if (p < end && b[p] == ',') {
                p++;
                continue;
            }
            if (!take('}')) {
                return false;
            }
            space();
            return p == end;
        }
    }

    private boolean msg() {
        if (p >= end) {
            return false;
        }
        if (b[p] != '{') {
            return (frame.msgNotObject = scalar()) != null;
        }
        p++;
        frame.msgNotObject = null;
        space();
        if (p < end && b[p] == '}') {
            p++;
            return true;
        }
        while (true) {
            space();
            int field = name(MSG_BYTES);
            if (field == Integer.MIN_VALUE || !colon()) {
                return false;
            }
            boolean read = switch (field) {
                case 0 -> (frame.marketTicker = scalar()) != null;
                case 1 -> (frame.price = scalar()) != null;
                case 2 -> (frame.priceDollars = scalar()) != null;
                case 3 -> (frame.delta = scalar()) != null;
                case 4 -> (frame.deltaFp = scalar()) != null;
                case 5 -> (frame.side = scalar()) != null;
                case 6 -> (frame.ts = scalar()) != null;
                case 7 -> (frame.tsMs = scalar()) != null;
                case 8 -> (frame.yesPrice = scalar()) != null;
                case 9 -> (frame.noPrice = scalar()) != null;
                case 10 -> (frame.yesPriceDollars = scalar()) != null;
                case 11 -> (frame.noPriceDollars = scalar()) != null;
                case 12 -> (frame.count = scalar()) != null;
                case 13 -> (frame.countFp = scalar()) != null;
                case 14 -> (frame.takerSide = scalar()) != null;
                case 15, 16, 17, 18, 19, 20 -> levels(field - 15);
                default -> scalar() != null;
            };
            if (!read) {
                return false;
            }
            space();
            if (p < end && b[p] == ',') {
                p++;
                continue;
            }
            return take('}');
        }
    }

    /** A levels field: JSON null (absent) or an array of two-scalar arrays, as {@link WsFrame} reads it. */
    private boolean levels(int index) {
        if (p + 4 <= end && b[p] == 'n') {
            return scalar() != null;
        }
        if (!take('[')) {
            return false;
        }
        frame.levelsPresent[index] = true;
        List<JsonValue[]> list = frame.levels.get(index);
        space();
        if (p < end && b[p] == ']') {
            p++;
            return true;
        }
        while (true) {
            space();
            if (!take('[')) {
                return false;
            }
            space();
            JsonValue price = scalar();
            space();
            if (price == null || !take(',')) {
                return false;
            }
            space();
            JsonValue count = scalar();
            space();
            if (count == null || !take(']')) {
                return false;
            }
            list.add(new JsonValue[] {price, count});
            space();
            if (p < end && b[p] == ',') {
                p++;
                continue;
            }
            return take(']');
        }
    }

    /**
     * The index in {@code names} of the quoted field name at the position, {@link #UNKNOWN} for another name, or
     * {@link Integer#MIN_VALUE} when it is not a plain quoted name.
     */
    private int name(byte[][] names) {
        if (!take('"')) {
            return Integer.MIN_VALUE;
        }
        int start = p;
        int close = stringEnd();
        if (close < 0) {
            return Integer.MIN_VALUE;
        }
        p = close + 1;
        int length = close - start;
        int[] candidates = names == TOP_BYTES ? TOP_BY_KEY[key(b, start, length)] : MSG_BY_KEY[key(b, start, length)];
        for (int i : candidates) {
            if (names[i].length == length && same(names[i], start)) {
                return i;
            }
        }
        return UNKNOWN;
    }

    /** A name's bucket in {@link #byKey}: from its length and its first and last bytes. */
    private static int key(byte[] bytes, int start, int length) {
        return length == 0 ? 0 : (length * 7 + bytes[start] * 3 + bytes[start + length - 1]) & (KEYS - 1);
    }

    /** The indexes of {@code names} by {@link #key}, so a name is found with about one comparison. */
    private static int[][] byKey(byte[][] names) {
        int[][] buckets = new int[KEYS][0];
        for (int i = 0; i < names.length; i++) {
            int key = key(names[i], 0, names[i].length);
            buckets[key] = java.util.Arrays.copyOf(buckets[key], buckets[key].length + 1);
            buckets[key][buckets[key].length - 1] = i;
        }
        return buckets;
    }

    /** Whether the line holds {@code name} from {@code start}, compared eight bytes at a time. */
    private boolean same(byte[] name, int start) {
        int i = 0;
        for (; i + Long.BYTES <= name.length; i += Long.BYTES) {
            if ((long) WORDS.get(b, start + i) != (long) WORDS.get(name, i)) {
                return false;
            }
        }
        for (; i < name.length; i++) {
            if (b[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** The closing quote of a string opened just before the position; -1 for an escape, a control character or none. */
    private int stringEnd() {
        int i = p;
        // Eight bytes at a time: the lowest byte that is a quote, a backslash or below 0x20 (the line is ASCII).
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) WORDS.get(b, i);
            long quotes = word ^ QUOTES;
            long escapes = word ^ BACKSLASHES;
            long hit = ((quotes - ONES) & ~quotes | (escapes - ONES) & ~escapes | (word - SPACES) & ~word) & HIGHS;
            if (hit != 0) {
                i += Long.numberOfTrailingZeros(hit) >>> 3;
                return b[i] == '"' ? i : -1;
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private boolean colon() {
        space();
        if (!take(':')) {
            return false;
        }
        space();
        return true;
    }

    /** A value met once (a frame's seq): not worth a place in the cache. */
    private JsonValue uncached() {
        caching = false;
        JsonValue value = scalar();
        caching = true;
        return value;
    }

    /** A string, integer, boolean or null with the text Jackson gives it; {@code null} for anything else. */
    private JsonValue scalar() {
        if (p >= end) {
            return null;
        }
        byte c = b[p];
        if (c == '"') {
            p++;
            int close = stringEnd();
            if (close < 0) {
                return null;
            }
            JsonValue value = value(JsonToken.VALUE_STRING, p, close);
            p = close + 1;
            return value;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        }
        if (literal("true")) {
            return new JsonValue(JsonToken.VALUE_TRUE, "true");
        }
        if (literal("false")) {
            return new JsonValue(JsonToken.VALUE_FALSE, "false");
        }
        if (literal("null")) {
            return new JsonValue(JsonToken.VALUE_NULL, null);
        }
        return null;
    }

    /** An integer in JSON's grammar (no leading zeros), ended by a delimiter; {@code null} for a fraction or more. */
    private JsonValue integer() {
        int start = p;
        if (b[p] == '-') {
            p++;
        }
        int digitsFrom = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        int digits = p - digitsFrom;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && b[digitsFrom] == '0') || !delimiter()) {
            return null;
        }
        return value(JsonToken.VALUE_NUMBER_INT, start, p);
    }

    /**
     * The value of kind {@code token} whose text is the line's bytes [{@code from}, {@code to}): the same object as
     * the last time that text was met when it is short and still cached, so tickers, sides, types, prices and counts
     * are not allocated again for every frame (that garbage cost more in collections than the scan itself).
     */
    private JsonValue value(JsonToken token, int from, int to) {
        int length = to - from;
        if (length > CACHED_LENGTH || !caching) {
            return new JsonValue(token, new String(b, from, length, StandardCharsets.ISO_8859_1));
        }
        long hash;
        if (length >= Long.BYTES) {
            hash = (long) WORDS.get(b, from) * 31 + (long) WORDS.get(b, to - Long.BYTES);
        } else {
            hash = 0;
            for (int i = from; i < to; i++) {
                hash = hash << 8 | (b[i] & 0xff);
            }
        }
        int slot = (int) (((hash + length) * 31 + token.ordinal()) * 0x9E3779B97F4A7C15L >>> (64 - CACHE_BITS));
        byte[] key = cacheKeys[slot];
        JsonValue cached = cacheValues[slot];
        if (key != null && cached.token() == token && key.length == length && same(key, from)) {
            return cached;
        }
        JsonValue value = new JsonValue(token, new String(b, from, length, StandardCharsets.ISO_8859_1));
        cacheKeys[slot] = java.util.Arrays.copyOfRange(b, from, to);
        cacheValues[slot] = value;
        return value;
    }

    private boolean literal(String word) {
        int length = word.length();
        if (p + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        p += length;
        if (!delimiter()) {
            p -= length;
            return false;
        }
        return true;
    }

    /** Whether the position is at the end or at what may follow a value. */
    private boolean delimiter() {
        if (p == end) {
            return true;
        }
        byte c = b[p];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r';
    }

    private void space() {
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
            p++;
        }
    }

    private boolean take(char c) {
        if (p < end && b[p] == c) {
            p++;
            return true;
        }
        return false;
    }
}
