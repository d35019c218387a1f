package io.kbt.runner.sweep;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.event.DataSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Loads one shard on its own (as a remote worker does): opens the shard's selection and decodes it into a tape. */
public final class ShardLoader {
    private ShardLoader() {}

    /** @param tickers the whole selection's tickers by market id, to report under the sweep's ids */
    public static ShardData load(Shard shard, Function<Selection, DataSet> opener, List<String> tickers) {
        long started = System.nanoTime();
        Map<String, Integer> fullId = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            fullId.put(tickers.get(i), i);
        }
        try (DataSet data = opener.apply(shard.selection())) {
            Instruments instruments = data.instruments();
            int[] fullIds = new int[instruments.markets().size()];
            for (Market market : instruments.markets()) {
                Integer id = fullId.get(market.ticker());
                if (id == null) {
                    throw new ShardingException("market " + market.ticker() + " of shard " + shard.first() + ".."
                            + shard.last() + " is not in the sweep's selection");
                }
                fullIds[market.id()] = id;
            }
            EventTape tape = EventTape.record(data.events());
            return new ShardData(shard, instruments, tape, fullIds, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
