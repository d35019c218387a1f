package io.kbt.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketsJsonWriterTest {
    private static final long OPEN = 1_767_623_400_000_000L; // 2026-01-05T14:30:00Z
    private static final long CLOSE = 1_767_646_800_000_000L; // 2026-01-05T21:00:00Z

    @Test
    void writesKalshiRestMarketObjectsLeavingOutAbsentStrikes() {
        var between = new Market(0, "INXD-26JAN05-B5912", "INXD-26JAN05", "INXD", StrikeType.BETWEEN, 5900, 5924.99,
                "SPX", OPEN, CLOSE, Result.YES, TickSize.CENT);
        var less = new Market(1, "INXD-26JAN05-T5900", "INXD-26JAN05", "INXD", StrikeType.LESS, Double.NaN, 5900.5,
                "SPX", Long.MIN_VALUE, CLOSE + 1, Result.UNKNOWN, TickSize.CENT);
        var bytes = new ByteArrayOutputStream();
        MarketsJsonWriter.write(List.of(between, less), bytes);
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("""
                {
                  "markets": [
                    {
                      "ticker": "INXD-26JAN05-B5912",
                      "event_ticker": "INXD-26JAN05",
                      "series_ticker": "INXD",
                      "strike_type": "between",
                      "floor_strike": 5900,
                      "cap_strike": 5924.99,
                      "underlying": "SPX",
                      "open_time": "2026-01-05T14:30:00Z",
                      "close_time": "2026-01-05T21:00:00Z",
                      "result": "yes",
                      "status": "settled"
                    },
                    {
                      "ticker": "INXD-26JAN05-T5900",
                      "event_ticker": "INXD-26JAN05",
                      "series_ticker": "INXD",
                      "strike_type": "less",
                      "cap_strike": 5900.5,
                      "underlying": "SPX",
                      "close_time": "2026-01-05T21:00:00.000001Z",
                      "result": "",
                      "status": "active"
                    }
                  ]
                }
                """);
    }

    @Test
    void writesAnEmptyList() {
        var bytes = new ByteArrayOutputStream();
        MarketsJsonWriter.write(List.of(), bytes);
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("{\n  \"markets\": [\n  ]\n}\n");
    }
}
