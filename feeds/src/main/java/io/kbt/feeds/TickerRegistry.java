package io.kbt.feeds;

import io.kbt.engine.market.TickSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the tickers and index symbols a recording mentions dense ids (events carry ids, not strings), and
 * knows each market's tick size; markets it was not told about tick in whole cents.
 */
public final class TickerRegistry {
    private final Map<String, TickSize> tickSizes;
    private final Map<String, Integer> marketIds = new HashMap<>();
    private final List<String> tickers = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final List<String> symbols = new ArrayList<>();

    public TickerRegistry() {
        this(Map.of());
    }

    /** A registry that knows the tick sizes of some markets, e.g. those stored in the database. */
    public TickerRegistry(Map<String, TickSize> tickSizes) {
        this.tickSizes = Map.copyOf(tickSizes);
    }

    public int marketId(String ticker) {
        return marketIds.computeIfAbsent(ticker, t -> {
            tickers.add(t);
            return tickers.size() - 1;
        });
    }

    /** Whether {@code ticker} has an id already. */
    public boolean knows(String ticker) {
        return marketIds.containsKey(ticker);
    }

    public int symbolId(String symbol) {
        return symbolIds.computeIfAbsent(symbol, s -> {
            symbols.add(s);
            return symbols.size() - 1;
        });
    }

    public TickSize tickSize(String ticker) {
        return tickSizes.getOrDefault(ticker, TickSize.CENT);
    }

    /** The ticker of market {@code id}. */
    public String ticker(int id) {
        return tickers.get(id);
    }

    /** Tickers by id. */
    public List<String> tickers() {
        return List.copyOf(tickers);
    }

    /** Index symbols by id. */
    public List<String> symbols() {
        return List.copyOf(symbols);
    }
}
