package io.kbt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tasks of one shard running at once load it once and share it; it is dropped when the last of them ends. */
class SharedShardsTest {
    @Test
    void overlappingTasksShareOneLoadAndTheShardIsDroppedAfterTheLast() throws Exception {
        String key = "sweep-a/shard-0";
        AtomicInteger loads = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> tasks = List.of(1, 2).stream().map(block -> pool.submit(() ->
                    SharedShards.use(key, () -> {
                        loads.incrementAndGet();
                        // The loader finishes only once the other task uses the shard too, so both overlap.
                        awaitUsers(key, 2);
                        return new int[] {7};
                    }, data -> data[0] * block))).toList();
            assertThat(tasks.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(tasks.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(14);
        }
        assertThat(loads).hasValue(1);
        assertThat(SharedShards.users(key)).isZero();

        SharedShards.use(key, () -> {
            loads.incrementAndGet();
            return 1;
        }, data -> data);
        assertThat(loads).as("a later task loads again: nothing is kept once no task uses it").hasValue(2);
    }

    @Test
    void aFailedLoadFailsTheTaskAndLeavesNothingHeld() {
        assertThatThrownBy(() -> SharedShards.use("sweep-b/shard-3", () -> {
            throw new IllegalStateException("cannot read shard 3");
        }, data -> data)).hasMessage("cannot read shard 3");
        assertThat(SharedShards.users("sweep-b/shard-3")).isZero();
    }

    private static void awaitUsers(String key, int users) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SharedShards.users(key) < users) {
            assertThat(System.nanoTime()).as("%d tasks using %s", users, key).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
