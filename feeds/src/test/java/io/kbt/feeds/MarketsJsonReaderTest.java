package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketsJsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRealMarketsFileWithItsSeriesAndUnderlying() {
        List<MarketInfo> markets = new MarketsJsonReader(SharedData.file("kalshi-2023-04/markets.json")).read();
        assertThat(markets).containsExactly(new MarketInfo("INXD-23APR10-B4075", "INXD-23APR10", "INXD",
                StrikeType.BETWEEN, 4050, 4099.99, "SPX", MarketInfo.UNKNOWN_OPEN,
                // 2023-04-10T20:00:00Z
                1_681_156_800_000_000L, Result.NO, TickSize.CENT));
    }

    @Test
    void derivesSeriesAndUnderlyingWhenKalshiLeavesThemOutAndReadsAnArray() {
        Path file = TestFiles.write(dir, "m.json", "[",
                "{\"ticker\":\"INXW-23APR14-B4125\",\"event_ticker\":\"INXW-23APR14\",\"strike_type\":\"greater\","
                        + "\"floor_strike\":4125,\"cap_strike\":null,\"open_time\":\"2023-04-07T13:30:00Z\","
                        + "\"close_time\":\"2023-04-14T20:00:00Z\",\"result\":\"\",\"tick_size\":1},",
                "{\"ticker\":\"KXBTCD-26JUL0317-T60499.99\",\"event_ticker\":\"KXBTCD-26JUL0317\","
                        + "\"strike_type\":\"custom\",\"price_level_structure\":\"deci_cent\",\"result\":\"yes\"}",
                "]");
        List<MarketInfo> markets = new MarketsJsonReader(file).read();
        MarketInfo weekly = markets.get(0);
        assertThat(weekly.seriesTicker()).isEqualTo("INXW");
        assertThat(weekly.underlying()).isEqualTo("SPX");
        assertThat(weekly.strikeType()).isEqualTo(StrikeType.GREATER);
        assertThat(weekly.floorStrike()).isEqualTo(4125);
        assertThat(weekly.capStrike()).isNaN();
        assertThat(weekly.openTime()).isEqualTo(1_680_874_200_000_000L);
        assertThat(weekly.result()).isEqualTo(Result.UNKNOWN);
        MarketInfo btc = markets.get(1);
        assertThat(btc.seriesTicker()).isEqualTo("KXBTCD");
        assertThat(btc.underlying()).isNull();
        assertThat(btc.strikeType()).isEqualTo(StrikeType.UNKNOWN);
        assertThat(btc.tickSize()).isEqualTo(TickSize.TENTH_CENT);
        assertThat(btc.closeTime()).isEqualTo(MarketInfo.UNKNOWN_CLOSE);
        assertThat(btc.result()).isEqualTo(Result.YES);
    }

    @Test
    void takesTheSmallestStepOfPriceRangesAsTheTickSize() {
        Path file = TestFiles.write(dir, "r.json", "{\"markets\":[{\"ticker\":\"A-B-C\",\"price_ranges\":["
                + "{\"start\":\"0.0000\",\"end\":\"0.1000\",\"step\":\"0.0010\"},"
                + "{\"start\":\"0.1000\",\"end\":\"0.9000\",\"step\":\"0.0100\"}]}],\"cursor\":\"\"}");
        assertThat(new MarketsJsonReader(file).read()).singleElement()
                .extracting(MarketInfo::tickSize).isEqualTo(TickSize.TENTH_CENT);
    }

    @Test
    void aMarketFirstSeenInARecordingIsDerivedFromItsTicker() {
        MarketInfo info = MarketInfo.fromTicker("KXNEXTTEAMNBA-26LJAM-MIA");
        assertThat(info.eventTicker()).isEqualTo("KXNEXTTEAMNBA-26LJAM");
        assertThat(info.seriesTicker()).isEqualTo("KXNEXTTEAMNBA");
        assertThat(info.strikeType()).isEqualTo(StrikeType.UNKNOWN);
        assertThat(info.floorStrike()).isNaN();
        assertThat(info.tickSize()).isEqualTo(TickSize.CENT);
        assertThat(MarketInfo.fromTicker("INXD-23APR10-B4075").underlying()).isEqualTo("SPX");
        Market market = info.toMarket(3);
        assertThat(market.id()).isEqualTo(3);
        assertThat(market.ticker()).isEqualTo("KXNEXTTEAMNBA-26LJAM-MIA");
        assertThat(market.seriesTicker()).isEqualTo("KXNEXTTEAMNBA");
    }
}
