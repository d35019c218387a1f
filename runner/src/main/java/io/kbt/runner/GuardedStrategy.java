package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Settlement;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;

/**
 * Runs a strategy — possibly a plugin's — behind a fence: whatever it throws becomes a
 * {@link StrategyFailedException} naming the strategy, the market it last touched and the replay time. (The
 * engine already shows strategies read-only books and markets without their results.)
 */
public final class GuardedStrategy implements Strategy {
    private final String name;
    private final Strategy strategy;
    private final Instruments view;
    private final Fence fence;

    public GuardedStrategy(String name, Strategy strategy, Instruments view) {
        this.name = name;
        this.strategy = strategy;
        this.view = view;
        this.fence = new Fence();
    }

    @Override
    public void onStart(StrategyContext context) {
        fence.context = context;
        try {
            strategy.onStart(fence);
        } catch (RuntimeException | StackOverflowError e) {
            throw failed("onStart", context, e);
        }
    }

    @Override
    public void onBatch(StrategyContext context) {
        fence.context = context;
        try {
            strategy.onBatch(fence);
        } catch (RuntimeException | StackOverflowError e) {
            throw failed("onBatch", context, e);
        }
    }

    @Override
    public void onFill(StrategyContext context, Fill fill) {
        fence.context = context;
        fence.market = fill.market();
        try {
            strategy.onFill(fence, fill);
        } catch (RuntimeException | StackOverflowError e) {
            throw failed("onFill", context, e);
        }
    }

    @Override
    public void onSettlement(StrategyContext context, Settlement settlement) {
        fence.context = context;
        fence.market = settlement.market();
        try {
            strategy.onSettlement(fence, settlement);
        } catch (RuntimeException | StackOverflowError e) {
            throw failed("onSettlement", context, e);
        }
    }

    @Override
    public long positionLimit() {
        return strategy.positionLimit();
    }

    @Override
    public boolean crossMarketState() {
        return strategy.crossMarketState();
    }

    private StrategyFailedException failed(String callback, StrategyContext context, Throwable e) {
        int m = fence.market;
        String ticker = m >= 0 && m < view.markets().size() ? view.market(m).ticker() : null;
        return new StrategyFailedException(name, ticker, context.now(), callback, e);
    }

    /** The strategy's context: the replay's, minus anything that could change it or look ahead. */
    private final class Fence implements StrategyContext {
        StrategyContext context;
        /** The market the strategy touched last, for the error message. */
        int market = -1;

        @Override
        public long now() {
            return context.now();
        }

        @Override
        public Instruments instruments() {
            return context.instruments();
        }

        @Override
        public BookView book(int m) {
            market = m;
            return context.book(m);
        }

        @Override
        public double indexLevel(int symbol) {
            return context.indexLevel(symbol);
        }

        @Override
        public long position(int m) {
            market = m;
            return context.position(m);
        }

        @Override
        public boolean closed(int m) {
            market = m;
            return context.closed(m);
        }

        @Override
        public long pnlMicros() {
            return context.pnlMicros();
        }

        @Override
        public int updatedCount() {
            return context.updatedCount();
        }

        @Override
        public int updated(int i) {
            return context.updated(i);
        }

        @Override
        public void quote(int m, Quote quote) {
            market = m;
            context.quote(m, quote);
        }

        @Override
        public void fair(int m, double cents) {
            market = m;
            context.fair(m, cents);
        }

        /** The replay's answer: a sweep's cells record no fair values, and the strategy may then skip them. */
        @Override
        public boolean fairRecorded() {
            return context.fairRecorded();
        }
    }
}
