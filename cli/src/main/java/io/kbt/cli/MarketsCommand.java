package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.history.CandleStore;
import io.kbt.db.market.MarketCatalog;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kbt markets}: the stored markets with their event and candle counts, whether each has a recorded book,
 * trades and candles (a market with trades and candles but no book replays on a book built from candles), and time
 * spans.
 */
@Command(name = "markets", mixinStandardHelpOptions = true,
        description = "List stored markets with event counts and time spans (times UTC).")
public final class MarketsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin DatabaseOptions db;
    @Spec CommandSpec spec;

    @Option(names = "--series", paramLabel = "S", description = "only this series (repeatable)")
    List<String> series = List.of();

    @Option(names = "--from", paramLabel = "D", description = "closing on or after this New York date")
    LocalDate from;

    @Option(names = "--to", paramLabel = "D", description = "closing on or before this New York date")
    LocalDate to;

    @Override
    public Integer call() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = db.open()) {
            List<MarketCatalog.Entry> entries = new MarketCatalog(database.dsl()).list(series, from, to);
            Map<String, Long> candles = new CandleStore(database.dsl()).countsByTicker();
            out.printf("%-28s %-14s %-19s %-6s %9s %10s %9s %8s %-4s %-6s %-7s  %-19s  %-19s%n", "ticker", "series",
                    "close", "result", "snapshots", "deltas", "trades", "candles", "book", "trades", "candles",
                    "first event", "last event");
            for (MarketCatalog.Entry e : entries) {
                long c = candles.getOrDefault(e.ticker(), 0L);
                out.printf("%-28s %-14s %-19s %-6s %,9d %,10d %,9d %,8d %-4s %-6s %-7s  %-19s  %-19s%n",
                        e.ticker() + (e.createdFromTicker() ? "*" : ""), e.seriesTicker(), time(e.closeTime()),
                        e.result() == null ? "-" : e.result(), e.snapshots(), e.deltas(), e.trades(), c,
                        yes(e.snapshots() + e.deltas()), yes(e.trades()), yes(c), time(e.firstEvent()),
                        time(e.lastEvent()));
            }
            out.printf("%d market%s%s%n", entries.size(), entries.size() == 1 ? "" : "s",
                    entries.stream().anyMatch(MarketCatalog.Entry::createdFromTicker)
                            ? " (* known only from its ticker: kbt import markets completes it)" : "");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String yes(long rows) {
        return rows > 0 ? "yes" : "-";
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(java.time.ZoneOffset.UTC).format(TIME);
    }
}
