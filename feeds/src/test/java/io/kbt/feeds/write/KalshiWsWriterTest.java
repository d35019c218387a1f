package io.kbt.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.Level;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KalshiWsWriterTest {
    // 2026-07-01T02:37:00.577727Z
    private static final long TS = 1_782_873_420_577_727L;

    @Test
    void writesKalshiFramesWithSequenceNumbersAndRfc3339Micros() {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new KalshiWsWriter(bytes)) {
            writer.snapshot("INXD-26JAN05-B5912",
                    List.of(new Level(44, 1_200), new Level(45, 30_000)), List.of(new Level(53, 500)), TS);
            writer.delta("INXD-26JAN05-B5912", BookSide.NO, 53, -500, TS);
            writer.trade(new UUID(0x50e18226f10d6545L, 0xcd2c77bed448a872L), "INXD-26JAN05-B5912", 45, 1_200,
                    BookSide.NO, TS + 1);
            assertThat(writer.frames()).isEqualTo(3);
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"INXD-26JAN05-B5912\","
                        + "\"yes\":[[44,12],[45,300]],\"no\":[[53,5]],\"ts\":\"2026-07-01T02:37:00.577727Z\"}}\n"
                        + "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"INXD-26JAN05-B5912\","
                        + "\"price\":53,\"delta\":-5,\"side\":\"no\",\"ts\":\"2026-07-01T02:37:00.577727Z\"}}\n"
                        + "{\"type\":\"trade\",\"sid\":1,\"seq\":3,\"msg\":{\"trade_id\":\"50e18226-f10d-6545-cd2c-77bed448a872\","
                        + "\"market_ticker\":\"INXD-26JAN05-B5912\",\"yes_price\":45,\"no_price\":55,\"count\":12,"
                        + "\"taker_side\":\"no\",\"ts\":\"2026-07-01T02:37:00.577728Z\"}}\n");
    }

    @Test
    void writesAnEmptySideAsAnEmptyArray() {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new KalshiWsWriter(bytes, 7)) {
            writer.snapshot("T", List.of(), List.of(new Level(1, 100)), TS);
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "{\"type\":\"orderbook_snapshot\",\"sid\":7,\"seq\":1,\"msg\":{\"market_ticker\":\"T\",\"yes\":[],\"no\":[[1,1]],"
                        + "\"ts\":\"2026-07-01T02:37:00.577727Z\"}}\n");
    }

    @Test
    void rejectsWhatTheCentsFeedCannotCarry() {
        var writer = new KalshiWsWriter(new ByteArrayOutputStream());
        assertThatThrownBy(() -> writer.delta("M", BookSide.YES, 100, 100, TS)).hasMessageContaining("M: price");
        assertThatThrownBy(() -> writer.delta("M", BookSide.YES, 50, 150, TS)).hasMessageContaining("whole contracts");
        assertThatThrownBy(() -> writer.snapshot("M", List.of(new Level(50, 100), new Level(40, 100)), List.of(), TS))
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> writer.trade(UUID.randomUUID(), "M", 50, 0, BookSide.YES, TS))
                .hasMessageContaining("positive");
    }

    @Test
    void formatsTimestampsAcrossDaysAndBeforeTheEpoch() {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new KalshiWsWriter(bytes)) {
            writer.delta("M", BookSide.YES, 1, 100, 0);
            writer.delta("M", BookSide.YES, 1, 100, 86_399_999_999L);
            writer.delta("M", BookSide.YES, 1, 100, -1);
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII))
                .contains("\"ts\":\"1970-01-01T00:00:00.000000Z\"")
                .contains("\"ts\":\"1970-01-01T23:59:59.999999Z\"")
                .contains("\"ts\":\"1969-12-31T23:59:59.999999Z\"");
    }
}
