package io.kbt.runner.sweep;

import io.kbt.engine.market.Selection;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One shard of a sweep: a group of markets that shares no trading time with any other group, together with the
 * New York days [{@code first}, {@code last}] whose data it replays. {@code last} is its settlement day, the
 * "day" of {@code daily.csv}. Shards tile the sweep's range, so every event of the range is in exactly one shard.
 * Plain values only, so a shard travels to a Spark executor, which loads its data itself.
 */
public record Shard(int index, LocalDate first, LocalDate last, List<String> series, List<String> tickers)
        implements Serializable {
    public Shard {
        series = List.copyOf(series);
        tickers = List.copyOf(tickers);
    }

    public Selection selection() {
        return new Selection(series, tickers, first, last);
    }

    public LocalDate day() {
        return last;
    }
}
