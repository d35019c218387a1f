package io.kbt.strategies.quote;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A hand-set replay context that records what the strategy asks for, in order. */
final class FakeContext implements StrategyContext {
    record QuoteCall(int market, Quote quote) {}

    record Book(int bestYesBid, int bestYesAsk, int maxTicks, boolean live) implements BookView {
        @Override
        public long yesBidSize(int price) {
            return price == bestYesBid ? 10_000 : 0;
        }

        @Override
        public long yesAskSize(int price) {
            return price == bestYesAsk ? 10_000 : 0;
        }
    }

    final Instruments instruments;
    long now;
    long pnlMicros;
    final Map<Integer, Double> levels = new HashMap<>();
    final Map<Integer, Book> books = new HashMap<>();
    final Map<Integer, Long> positions = new HashMap<>();
    final Set<Integer> closed = new HashSet<>();
    final List<QuoteCall> quotes = new ArrayList<>();
    final Map<Integer, Double> fairs = new HashMap<>();

    FakeContext(Instruments instruments) {
        this.instruments = instruments;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Instruments instruments() {
        return instruments;
    }

    @Override
    public BookView book(int market) {
        return books.getOrDefault(market, new Book(60, 80, 100, true));
    }

    @Override
    public double indexLevel(int symbol) {
        return levels.getOrDefault(symbol, Double.NaN);
    }

    @Override
    public long position(int market) {
        return positions.getOrDefault(market, 0L);
    }

    @Override
    public boolean closed(int market) {
        return closed.contains(market);
    }

    @Override
    public long pnlMicros() {
        return pnlMicros;
    }

    @Override
    public void quote(int market, Quote quote) {
        quotes.add(new QuoteCall(market, quote));
    }

    @Override
    public void fair(int market, double cents) {
        fairs.put(market, cents);
    }

    /** The quote calls since the last call to this method. */
    List<QuoteCall> drainQuotes() {
        List<QuoteCall> drained = List.copyOf(quotes);
        quotes.clear();
        return drained;
    }
}
