package io.kbt.engine.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Results of tasks run on a pool, with the task's own failure thrown as it was, not wrapped. */
public final class Tasks {
    private Tasks() {}

    /**
     * Waits for {@code task}: its result, or its {@link RuntimeException} or {@link Error} itself; an interrupt
     * while waiting is kept and reported as failing {@code what}.
     */
    public static <T> T result(Future<T> task, String what) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
