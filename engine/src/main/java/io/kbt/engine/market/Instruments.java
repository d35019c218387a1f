package io.kbt.engine.market;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The markets and index symbols of one replay. Events refer to them by dense index: {@code Market#id()} and
 * the position of a symbol in {@link #symbols()}.
 */
public record Instruments(List<Market> markets, List<String> symbols) {
    public Instruments {
        markets = List.copyOf(markets);
        symbols = List.copyOf(symbols);
        for (int i = 0; i < markets.size(); i++) {
            if (markets.get(i).id() != i) {
                throw new IllegalArgumentException("market " + markets.get(i).ticker() + " has id "
                        + markets.get(i).id() + " at position " + i);
            }
        }
    }

    public Market market(int id) {
        return markets.get(id);
    }

    /** These instruments with every market's result hidden: what a strategy sees ({@link Market#withoutResult}). */
    public Instruments withoutResults() {
        return new Instruments(markets.stream().map(Market::withoutResult).toList(), symbols);
    }

    /** The id of {@code symbol}, or −1 when this replay has no ticks of it. */
    public int symbolId(String symbol) {
        return symbols.indexOf(symbol);
    }

    /** Market ids by ticker. */
    public Map<String, Integer> idsByTicker() {
        Map<String, Integer> ids = new HashMap<>();
        markets.forEach(m -> ids.put(m.ticker(), m.id()));
        return ids;
    }
}
