package io.kbt.engine.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** A pool task's own failure reaches the caller unwrapped; a checked one is wrapped once. */
class TasksTest {
    @Test
    void resultsAndFailuresComeBackAsTheTaskGaveThem() {
        assertThat(Tasks.result(CompletableFuture.completedFuture(42), "testing")).isEqualTo(42);

        IllegalArgumentException bad = new IllegalArgumentException("bad line 7");
        assertThatThrownBy(() -> Tasks.result(CompletableFuture.failedFuture(bad), "testing")).isSameAs(bad);

        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> Tasks.result(CompletableFuture.failedFuture(error), "testing")).isSameAs(error);

        FutureTask<Object> checked = new FutureTask<>(() -> {
            throw new IOException("disk full");
        });
        checked.run();
        assertThatThrownBy(() -> Tasks.result(checked, "testing")).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}
