package io.kbt.runner.sweep;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.replay.EventTape;

/**
 * One shard's data, decoded into a tape: its markets renumbered 0..n−1 ({@code fullIds[i]} is market i's id in
 * the sweep's whole selection, so cells report per-market figures and fills under the sweep's ids).
 */
public record ShardData(Shard shard, Instruments instruments, EventTape tape, int[] fullIds, long loadMs) {}
