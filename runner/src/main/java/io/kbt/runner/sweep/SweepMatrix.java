package io.kbt.runner.sweep;

import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every cell of a sweep: parameter set × shard. A set's total is its cells chained in shard order; the shards
 * share no market and no time, so the totals are those of one run over the whole range (drawdown included:
 * each cell's peak and trough carry the running peak across shard boundaries).
 */
public final class SweepMatrix {
    private final List<Map<String, String>> sets;
    private final List<Shard> shards;
    private final CellResult[][] cells;

    public SweepMatrix(List<Map<String, String>> sets, List<Shard> shards) {
        this.sets = List.copyOf(sets);
        this.shards = List.copyOf(shards);
        this.cells = new CellResult[sets.size()][shards.size()];
    }

    /** The same cells under other labels for the sets (e.g. the swept values instead of every parameter). */
    public SweepMatrix relabelled(List<Map<String, String>> labels) {
        if (labels.size() != sets.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + sets.size() + " sets");
        }
        SweepMatrix copy = new SweepMatrix(labels, shards);
        for (int set = 0; set < sets.size(); set++) {
            for (int shard = 0; shard < shards.size(); shard++) {
                copy.put(cell(set, shard));
            }
        }
        return copy;
    }

    public synchronized void put(CellResult cell) {
        if (cells[cell.set()][cell.shard()] != null) {
            throw new IllegalStateException("cell " + cell.set() + "×" + cell.shard() + " reported twice");
        }
        cells[cell.set()][cell.shard()] = cell;
    }

    public List<Map<String, String>> sets() {
        return sets;
    }

    public List<Shard> shards() {
        return shards;
    }

    public List<LocalDate> days() {
        return shards.stream().map(Shard::day).toList();
    }

    public CellResult cell(int set, int shard) {
        CellResult cell = cells[set][shard];
        if (cell == null) {
            throw new IllegalStateException("cell " + set + "×" + shard + " has no result");
        }
        return cell;
    }

    /** P&amp;L in micro-dollars, [set][shard]. */
    public long[][] pnl() {
        long[][] pnl = new long[sets.size()][shards.size()];
        for (int set = 0; set < sets.size(); set++) {
            for (int shard = 0; shard < shards.size(); shard++) {
                pnl[set][shard] = cell(set, shard).pnlMicros();
            }
        }
        return pnl;
    }

    /** The set's figures over the whole range, as one run over it would report them. */
    public RunResult total(int set) {
        long events = 0, fills = 0, contracts = 0, volume = 0, fees = 0, pnl = 0, drawdown = 0, position = 0;
        long capital = 0, orders = 0, cancels = 0, clamped = 0, crossed = 0, skipped = 0, nanos = 0, peak = 0;
        List<MarketSummary> markets = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            CellResult c = cell(set, shard);
            drawdown = Math.max(Math.max(drawdown, c.maxDrawdownMicros()), peak - (pnl + c.troughMicros()));
            peak = Math.max(peak, pnl + c.peakMicros());
            pnl += c.pnlMicros();
            events += c.events();
            fills += c.fills();
            contracts += c.contracts();
            volume += c.volumeMicros();
            fees += c.feesMicros();
            position = Math.max(position, c.maxAbsPosition());
            capital = Math.max(capital, c.peakCapitalMicros());
            orders += c.ordersSent();
            cancels += c.cancelsSent();
            clamped += c.clampedLevels();
            crossed += c.crossedBooks();
            skipped += c.skippedEvents();
            nanos += c.replayNanos();
            c.markets().forEach(m -> markets.add(m.summary()));
        }
        markets.sort(Comparator.comparingInt(MarketSummary::market));
        return new RunResult(markets, events, fills, contracts, volume, fees, pnl, drawdown, position, capital, orders,
                cancels, new BookAnomalies(clamped, crossed, skipped), nanos);
    }
}
