package io.kbt.engine.replay;

/**
 * A set of market ids in order of first insertion. Membership is a stamp per market equal to the set's
 * generation, so clearing, done once per batch, costs nothing whatever the size.
 */
final class MarketSet {
    private final long[] stamp;
    private final int[] order;
    private long generation = 1;
    private int size;

    MarketSet(int markets) {
        stamp = new long[markets];
        order = new int[markets];
    }

    void add(int market) {
        if (stamp[market] != generation) {
            stamp[market] = generation;
            order[size++] = market;
        }
    }

    int size() {
        return size;
    }

    int get(int i) {
        return order[i];
    }

    void clear() {
        generation++;
        size = 0;
    }
}
