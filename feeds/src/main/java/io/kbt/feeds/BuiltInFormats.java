package io.kbt.feeds;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * kbt's own {@link DataFormat}s. Their scores keep the order kbt has always classified by: a JSONL file of
 * websocket frames (5) before REST trades pages (4), JSON frames (3) before markets (2), and any other JSONL as
 * frames (1); a seed CSV by its columns (5), an index CSV by its two columns (4).
 */
public final class BuiltInFormats {
    private BuiltInFormats() {}

    static boolean jsonLines(String fileName) {
        return fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson");
    }

    static boolean json(String fileName) {
        return fileName.endsWith(".json") || jsonLines(fileName);
    }

    private static boolean frames(String head) {
        return head.contains("\"type\"") && head.contains("\"msg\"");
    }

    /** Recorded websocket frames, one per line ({@link KalshiWsReader}). */
    public static final class KalshiWs implements DataFormat {
        @Override
        public String name() {
            return "kalshi-ws";
        }

        @Override
        public String description() {
            return "Kalshi websocket frames, one per line";
        }

        @Override
        public int recognise(Path file, String fileName, Supplier<String> head) {
            if (jsonLines(fileName)) {
                return frames(head.get()) ? 5 : 1;
            }
            return fileName.endsWith(".json") && frames(head.get()) ? 3 : 0;
        }

        @Override
        public FeedReader open(Path file, Context context) {
            return new KalshiWsReader(file, context.sourceName(), context.registry());
        }
    }

    /** REST {@code /markets/trades} pages ({@link RestTradesReader}). */
    public static final class RestTrades implements DataFormat {
        @Override
        public String name() {
            return "trades";
        }

        @Override
        public String description() {
            return "Kalshi REST /markets/trades pages";
        }

        @Override
        public int recognise(Path file, String fileName, Supplier<String> head) {
            return json(fileName) && (head.get().contains("\"trades\"") || head.get().contains("\"created_time\"")) ? 4 : 0;
        }

        @Override
        public FeedReader open(Path file, Context context) {
            return new RestTradesReader(file, context.sourceName(), context.registry());
        }
    }

    /** Kalshi market objects: metadata, no events ({@link MarketsJsonReader}). */
    public static final class Markets implements DataFormat {
        @Override
        public String name() {
            return "markets";
        }

        @Override
        public String description() {
            return "Kalshi market objects (metadata)";
        }

        @Override
        public int recognise(Path file, String fileName, Supplier<String> head) {
            return json(fileName) && (head.get().contains("\"markets\"") || head.get().contains("\"event_ticker\"")) ? 2 : 0;
        }

        @Override
        public boolean marketMetadata() {
            return true;
        }

        @Override
        public FeedReader open(Path file, Context context) {
            throw new IllegalArgumentException("markets files carry no events: " + context.sourceName());
        }
    }

    /** {@code ts,price} index ticks ({@link IndexCsvReader}). */
    public static final class IndexCsv implements DataFormat {
        @Override
        public String name() {
            return "index";
        }

        @Override
        public String description() {
            return "index ticks, ts,price";
        }

        @Override
        public int recognise(Path file, String fileName, Supplier<String> head) {
            if (!fileName.endsWith(".csv")) {
                return 0;
            }
            String first = firstLine(head.get());
            List<String> header = columns(first);
            boolean named = CsvLine.column(header, "ts", "time", "timestamp") >= 0
                    && CsvLine.column(header, "price", "level", "value") >= 0;
            boolean headerless = !first.isEmpty() && Character.isDigit(first.charAt(0));
            return (named || headerless) && header.size() == 2 ? 4 : 0;
        }

        @Override
        public FeedReader open(Path file, Context context) {
            return new IndexCsvReader(file, context.sourceName(), context.indexSymbol(), context.registry());
        }
    }

    /** The 2023 seed CSV of the directory's single market ({@link SeedCsvReader}). */
    public static final class SeedCsv implements DataFormat {
        @Override
        public String name() {
            return "seed-csv";
        }

        @Override
        public String description() {
            return "the 2023 seed CSV of one market and its index";
        }

        @Override
        public int recognise(Path file, String fileName, Supplier<String> head) {
            List<String> header = columns(firstLine(head.get()));
            return fileName.endsWith(".csv") && header.contains("instrument") && header.contains("operation") ? 5 : 0;
        }

        @Override
        public FeedReader open(Path file, Context context) {
            if (context.markets().size() != 1) {
                throw new BadInputException(context.sourceName(), 0, "a seed CSV needs exactly one market in the "
                        + "directory's markets JSON to belong to, found " + context.markets().size());
            }
            MarketInfo market = context.markets().values().iterator().next();
            return new SeedCsvReader(file, context.sourceName(), market.ticker(),
                    market.underlying() == null ? "SPX" : market.underlying(), context.registry());
        }
    }

    static String firstLine(String head) {
        return head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    private static List<String> columns(String first) {
        return List.of(first.toLowerCase(Locale.ROOT).replace("\"", "").split(",", -1));
    }
}
