package io.kbt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Tasks of one shard running at once load it once and share it; it is dropped when the last of them ends; the
 * next shard is read ahead while one is used, and dropped if no task of it comes before a later shard's.
 */
class SharedShardsTest {
    @Test
    void overlappingTasksShareOneLoadAndTheShardIsDroppedAfterTheLast() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> tasks = List.of(1, 2).stream().map(block -> pool.submit(() ->
                    SharedShards.use(new SharedShards.Load<>("sweep-a", 0, () -> {
                        loads.incrementAndGet();
                        // The loader finishes only once the other task uses the shard too, so both overlap.
                        await(() -> SharedShards.users("sweep-a", 0) == 2);
                        return new int[] {7};
                    }), null, data -> data[0] * block))).toList();
            assertThat(tasks.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(tasks.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(14);
        }
        assertThat(loads).hasValue(1);
        assertThat(SharedShards.held("sweep-a", 0)).isFalse();

        SharedShards.use(new SharedShards.Load<>("sweep-a", 0, () -> {
            loads.incrementAndGet();
            return 1;
        }), null, data -> data);
        assertThat(loads).as("a later task loads again: nothing is kept once no task uses it").hasValue(2);
    }

    @Test
    void theNextShardIsReadAheadWhileOneIsUsedAndTheNextTaskTakesIt() {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch readAhead = new CountDownLatch(1);
        int first = SharedShards.use(shard("sweep-c", 0, reads), new SharedShards.Load<>("sweep-c", 1, () -> {
            reads.incrementAndGet();
            readAhead.countDown();
            return 10;
        }), data -> {
            // Shard 1 is read on another thread while shard 0's task still runs.
            await(() -> readAhead.getCount() == 0);
            return data;
        });
        assertThat(first).isZero();
        assertThat(SharedShards.held("sweep-c", 1)).isTrue();

        int second = SharedShards.use(new SharedShards.Load<Integer>("sweep-c", 1, () -> {
            throw new AssertionError("shard 1 was read ahead, not again");
        }), null, data -> data);
        assertThat(second).isEqualTo(10);
        assertThat(reads).hasValue(2);
        assertThat(SharedShards.held("sweep-c", 1)).isFalse();
    }

    @Test
    void aShardReadAheadButNotUsedHereIsDroppedWhenALaterShardStarts() {
        AtomicInteger reads = new AtomicInteger();
        SharedShards.use(shard("sweep-d", 0, reads), shard("sweep-d", 1, reads), data -> data);
        await(() -> reads.get() == 2);
        assertThat(SharedShards.held("sweep-d", 1)).isTrue();

        // Another executor ran shard 1's tasks; this one gets shard 2's.
        SharedShards.use(shard("sweep-d", 2, reads), null, data -> {
            assertThat(SharedShards.held("sweep-d", 1)).isFalse();
            return data;
        });
        assertThat(SharedShards.held("sweep-d", 2)).isFalse();
    }

    @Test
    void nothingIsReadAheadWhileTasksStillHoldAnotherShard() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            // A slow task of shard 4 still runs when a task of shard 5 starts.
            Future<Integer> slow = pool.submit(() -> SharedShards.use(shard("sweep-e", 4, reads), null, data -> {
                await(() -> finish.getCount() == 0);
                return data;
            }));
            await(() -> SharedShards.users("sweep-e", 4) == 1);
            SharedShards.use(shard("sweep-e", 5, reads), shard("sweep-e", 6, reads), data -> data);
            assertThat(SharedShards.held("sweep-e", 6)).as("at most two shards held").isFalse();
            finish.countDown();
            slow.get(10, TimeUnit.SECONDS);
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedLoadFailsTheTaskAndLeavesNothingHeld() {
        assertThatThrownBy(() -> SharedShards.use(new SharedShards.Load<>("sweep-b", 3, () -> {
            throw new IllegalStateException("cannot read shard 3");
        }), null, data -> data)).hasMessage("cannot read shard 3");
        assertThat(SharedShards.held("sweep-b", 3)).isFalse();
    }

    @Test
    void aFailedReadAheadFailsTheTaskThatUsesItAndLeavesNothingHeld() {
        AtomicInteger reads = new AtomicInteger();
        SharedShards.use(shard("sweep-f", 0, reads), new SharedShards.Load<Integer>("sweep-f", 1, () -> {
            throw new IllegalStateException("cannot read shard 1");
        }), data -> data);
        assertThatThrownBy(() -> SharedShards.use(shard("sweep-f", 1, reads), null, data -> data))
                .hasMessage("cannot read shard 1");
        assertThat(SharedShards.held("sweep-f", 1)).isFalse();
    }

    /** A shard whose data is its number, counting its reads. */
    private static SharedShards.Load<Integer> shard(String sweep, int shard, AtomicInteger reads) {
        return new SharedShards.Load<>(sweep, shard, () -> {
            reads.incrementAndGet();
            return shard;
        });
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
