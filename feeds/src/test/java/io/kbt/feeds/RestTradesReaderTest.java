package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestTradesReaderTest {
    private static final String M = "INXD-23APR10-B4075";
    // 2023-04-10T14:00:00Z
    private static final long T0 = 1_681_135_200_000_000L;

    @TempDir
    Path dir;

    private static String trade(String id, String fields, String time) {
        return "{\"trade_id\":\"" + id + "\",\"ticker\":\"" + M + "\"," + fields + ",\"created_time\":\"" + time
                + "\"}";
    }

    @Test
    void sortsNewestFirstPagesIntoTimeOrderKeepingFileOrderAtEqualTimes() {
        Path file = TestFiles.write(dir, "t.jsonl",
                "{\"trades\":[" + trade("c", "\"count\":1,\"yes_price\":40,\"no_price\":60,\"taker_side\":\"yes\"",
                        "2023-04-10T14:00:02Z") + ","
                        + trade("b1", "\"count\":2,\"yes_price\":41,\"no_price\":59,\"taker_side\":\"no\"",
                                "2023-04-10T14:00:01Z") + ","
                        + trade("b2", "\"count_fp\":\"0.50\",\"yes_price_dollars\":\"0.4200\",\"taker_side\":\"yes\"",
                                "2023-04-10T14:00:01Z") + "],\"cursor\":\"abc\"}",
                "{\"trades\":[" + trade("a", "\"count\":3,\"no_price\":57,\"taker_side\":\"no\"",
                        "2023-04-10T14:00:00.5Z") + "],\"cursor\":\"\"}");
        TickerRegistry registry = new TickerRegistry();
        RestTradesReader reader = new RestTradesReader(file, registry);
        List<MarketEvent> events = TestFiles.readAll(reader);
        int id = registry.marketId(M);
        assertThat(events).containsExactly(
                new Trade(T0 + 500_000, 4, id, 43, 300, BookSide.NO),
                new Trade(T0 + 1_000_000, 2, id, 41, 200, BookSide.NO),
                new Trade(T0 + 1_000_000, 3, id, 42, 50, BookSide.YES),
                new Trade(T0 + 2_000_000, 1, id, 40, 100, BookSide.YES));
        assertThat(reader.stats().count(RestTradesReader.TRADE)).isEqualTo(4);
    }

    @Test
    void readsAnArrayOfPagesDroppingRepeatedTradeIds() {
        String page = "{\"trades\":[" + trade("x", "\"count\":1,\"yes_price\":40,\"taker_side\":\"yes\"",
                "2023-04-10T14:00:00Z") + "],\"cursor\":\"\"}";
        Path file = TestFiles.write(dir, "pages.json", "[", page + ",", page, "]");
        RestTradesReader reader = new RestTradesReader(file, new TickerRegistry());
        assertThat(TestFiles.readAll(reader)).hasSize(1);
        assertThat(reader.stats().count(RestTradesReader.DUPLICATE)).isEqualTo(1);
    }

    @Test
    void reportsTheLineOfEachTradeInAPrettyPrintedPage() {
        Path file = TestFiles.write(dir, "pretty.json", "{", "  \"trades\": [",
                "    " + trade("b", "\"count\":1,\"yes_price\":40,\"taker_side\":\"yes\"", "2023-04-10T14:00:01Z")
                        + ",",
                "    " + trade("a", "\"count\":1,\"yes_price\":40,\"taker_side\":\"yes\"", "2023-04-10T14:00:00Z"),
                "  ]", "}");
        RestTradesReader reader = new RestTradesReader(file, new TickerRegistry());
        reader.next();
        assertThat(reader.line()).isEqualTo(4);
        reader.next();
        assertThat(reader.line()).isEqualTo(3);
    }
}
