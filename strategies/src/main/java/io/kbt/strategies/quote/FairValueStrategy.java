package io.kbt.strategies.quote;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.model.YesProbability;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Market making around a model fair value: after each batch, every open market of the replay is priced at
 * 100·P(yes) from its underlying's last index level and the seconds left to its close, and quoted by a
 * {@link QuoteRule}. A market whose book is not live (no snapshot yet) is neither priced nor quoted. It withdraws
 * a market's quotes {@code stopBeforeCloseSeconds} before its close or while its index has not ticked, and withdraws everything for the rest of the run once the loss
 * exceeds {@code maxLossCents}. Markets it cannot price (unknown strikes or underlying) are never quoted.
 * One instance serves one replay.
 */
public final class FairValueStrategy implements Strategy {
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long MICROS_PER_CENT = 10_000;

    private final ReturnModel model;
    private final QuotingParams params;
    private final QuoteRule rule;
    private final Market[] byClose;
    private final int[] symbolOf;
    private final boolean[] quoting;
    /** The last quote sent per market, handed back to the rule so that an unchanged quote is not rebuilt. */
    private final Quote[] lastQuote;
    private int firstOpen;
    private boolean lossStopped;

    public FairValueStrategy(Instruments instruments, ReturnModel model, QuotingParams params) {
        this.model = model;
        this.params = params;
        this.rule = new QuoteRule(params);
        this.byClose = instruments.markets().stream()
                .filter(YesProbability::priceable)
                .filter(m -> m.underlying() != null && instruments.symbolId(m.underlying()) >= 0)
                .sorted(Comparator.comparingLong(Market::closeTime))
                .toArray(Market[]::new);
        this.symbolOf = new int[instruments.markets().size()];
        Arrays.fill(symbolOf, -1);
        for (Market market : byClose) {
            symbolOf[market.id()] = instruments.symbolId(market.underlying());
        }
        this.quoting = new boolean[instruments.markets().size()];
        this.lastQuote = new Quote[instruments.markets().size()];
        Arrays.fill(lastQuote, Quote.NONE);
    }

    @Override
    public void onBatch(StrategyContext context) {
        long now = context.now();
        if (!lossStopped && params.maxLossCents().isPresent()
                && context.pnlMicros() < -params.maxLossCents().getAsLong() * MICROS_PER_CENT) {
            lossStopped = true;
        }
        while (firstOpen < byClose.length && context.closed(byClose[firstOpen].id())) {
            firstOpen++;
        }
        for (int i = firstOpen; i < byClose.length; i++) {
            Market market = byClose[i];
            int id = market.id();
            if (context.closed(id) || now < market.openTime()) {
                continue;
            }
            BookView book = context.book(id);
            if (!book.live()) {
                // No book yet (or a gap awaiting its snapshot): nothing to quote against, so no fair either.
                withdraw(context, id);
                continue;
            }
            double level = context.indexLevel(symbolOf[id]);
            double tauSeconds = (double) (market.closeTime() - now) / MICROS_PER_SECOND;
            double fairCents = Double.isFinite(level) && level > 0
                    ? 100 * YesProbability.of(model, market, level, tauSeconds)
                    : Double.NaN;
            context.fair(id, fairCents);
            boolean stopping = lossStopped
                    || market.closeTime() - now <= params.stopBeforeCloseSeconds() * MICROS_PER_SECOND
                    || Double.isNaN(fairCents);
            if (stopping) {
                withdraw(context, id);
            } else {
                Quote quote = rule.quote(fairCents, context.position(id), book.bestYesBid(), book.bestYesAsk(),
                        book.maxTicks(), lastQuote[id]);
                lastQuote[id] = quote;
                context.quote(id, quote);
                quoting[id] = true;
            }
        }
    }

    @Override
    public long positionLimit() {
        return params.positionLimit();
    }

    /** The total loss stop ({@code maxLossCents}) looks at every market's P&amp;L together. */
    @Override
    public boolean crossMarketState() {
        return params.maxLossCents().isPresent();
    }

    private void withdraw(StrategyContext context, int market) {
        if (quoting[market]) {
            context.quote(market, Quote.NONE);
            quoting[market] = false;
        }
    }
}
