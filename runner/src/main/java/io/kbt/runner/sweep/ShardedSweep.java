package io.kbt.runner.sweep;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.event.DataSet;
import io.kbt.strategies.StrategySpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A sweep as a (parameter set × shard) matrix on local threads: plans the shards from the selection's markets,
 * reads the selection once in time order, splitting it into shard tapes as it goes, and runs every cell.
 */
public final class ShardedSweep {
    /** Whether to split the range into shards ({@code AUTO}: whenever the markets allow it). */
    public enum Sharding {
        AUTO,
        OFF
    }

    /** A finished sweep: its plan, the markets of the whole selection, the matrix, fills (when kept), warnings. */
    public record Result(ShardPlan plan, Instruments instruments, LocalSweep.Outcome outcome, List<String> warnings) {}

    private ShardedSweep() {}

    /** The shard plan for {@code specs} over the markets of {@code instruments}. */
    public static ShardPlan plan(Instruments instruments, Selection selection, List<StrategySpec> specs,
            Sharding sharding) {
        if (sharding == Sharding.OFF) {
            return ShardPlan.of(instruments, selection, true).withoutNotices();
        }
        Instruments view = instruments.withoutResults();
        boolean crossMarket = specs.stream().anyMatch(s -> s.newStrategy(view).crossMarketState());
        return ShardPlan.of(instruments, selection, crossMarket);
    }

    /**
     * Plans, then runs every cell. {@code check} sees the plan before anything runs (to refuse, say, statistics
     * that need more days than there are shards).
     */
    public static Result run(Function<Selection, DataSet> opener, Selection selection, List<Map<String, String>> sets,
            List<StrategySpec> specs, ReplayConfig config, int threads, boolean keepFills, Sharding sharding,
            Consumer<ShardPlan> check, LocalSweep.Progress progress) {
        try (DataSet data = opener.apply(selection)) {
            ShardPlan plan = plan(data.instruments(), selection, specs, sharding);
            check.accept(plan);
            ShardStream stream = new ShardStream(plan, data);
            LocalSweep.Outcome outcome = new LocalSweep(threads, config, keepFills)
                    .run(stream, plan.shards(), sets, specs, progress);
            return new Result(plan, data.instruments(), outcome, data.warnings());
        }
    }
}
