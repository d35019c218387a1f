package io.kbt.runner.sweep;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a sweep splits its range into independent shards. A market occupies the New York days from its open
 * (or the range's first day) to its close; markets whose days overlap go into one group, because the strategy
 * re-prices every open market whenever any of them moves, so their runs depend on each other. Each group
 * becomes a shard whose window runs from the day after the previous shard to its last market's close day
 * (the last shard to the range's end), so the windows tile the range and each event is replayed exactly once.
 * With a single group, or a strategy with cross-market state, the sweep is one unsharded shard and
 * {@link #notices()} says why.
 */
public record ShardPlan(List<Shard> shards, List<String> notices) {
    public ShardPlan {
        shards = List.copyOf(shards);
        notices = List.copyOf(notices);
    }

    /**
     * @param crossMarketState whether any of the sweep's strategies declares state across markets
     */
    public static ShardPlan of(Instruments instruments, Selection selection, boolean crossMarketState) {
        List<String> notices = new ArrayList<>();
        if (crossMarketState) {
            notices.add("the strategy keeps state across markets (e.g. maxLossCents), so the sweep runs unsharded:"
                    + " each cell is a set over the whole range");
            return unsharded(selection, notices);
        }
        List<Span> spans = new ArrayList<>();
        int unknownOpen = 0;
        for (Market market : instruments.markets()) {
            LocalDate close = day(market.closeTime());
            LocalDate open = close;
            if (market.openTime() == Long.MIN_VALUE) {
                unknownOpen++;
            } else {
                LocalDate opened = day(market.openTime());
                open = opened.isBefore(selection.from()) ? selection.from() : opened.isAfter(close) ? close : opened;
            }
            spans.add(new Span(market.ticker(), open, close));
        }
        if (unknownOpen > 0) {
            notices.add(unknownOpen + " market(s) have no open time; taken to trade on their close day only");
        }
        spans.sort(Comparator.comparing(Span::open).thenComparing(Span::close));
        List<List<Span>> groups = new ArrayList<>();
        LocalDate groupEnd = null;
        for (Span span : spans) {
            if (groupEnd == null || span.open().isAfter(groupEnd)) {
                groups.add(new ArrayList<>());
                groupEnd = span.close();
            } else if (span.close().isAfter(groupEnd)) {
                groupEnd = span.close();
            }
            groups.get(groups.size() - 1).add(span);
        }
        if (groups.size() <= 1) {
            if (selection.from().isBefore(selection.to())) {
                notices.add("the selected markets overlap in time across the whole range, so the sweep runs"
                        + " unsharded (one cell per set)");
            }
            return unsharded(selection, notices);
        }
        List<Shard> shards = new ArrayList<>();
        LocalDate first = selection.from();
        for (int g = 0; g < groups.size(); g++) {
            List<Span> group = groups.get(g);
            LocalDate last = g == groups.size() - 1 ? selection.to()
                    : group.stream().map(Span::close).max(Comparator.naturalOrder()).orElseThrow();
            List<String> tickers = group.stream().map(Span::ticker).sorted().toList();
            shards.add(new Shard(g, first, last, List.of(), tickers));
            first = last.plusDays(1);
        }
        return new ShardPlan(shards, notices);
    }

    /** The same shards without the notices (the user asked for this plan). */
    public ShardPlan withoutNotices() {
        return new ShardPlan(shards, List.of());
    }

    private static ShardPlan unsharded(Selection selection, List<String> notices) {
        return new ShardPlan(List.of(new Shard(0, selection.from(), selection.to(), selection.series(),
                selection.tickers())), notices);
    }

    private static LocalDate day(long micros) {
        return Instant.EPOCH.plusNanos(micros * 1_000).atZone(Selection.NEW_YORK).toLocalDate();
    }

    private record Span(String ticker, LocalDate open, LocalDate close) {}
}
