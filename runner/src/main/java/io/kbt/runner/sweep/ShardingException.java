package io.kbt.runner.sweep;

/** The data contradicts the shard plan: splitting the sweep there would change its answer. */
public final class ShardingException extends RuntimeException {
    public ShardingException(String message) {
        super(message);
    }
}
