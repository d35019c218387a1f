package io.kbt.engine.replay;

/** A set of market ids in order of first insertion, cleared in time proportional to its size. */
final class MarketSet {
    private final boolean[] member;
    private final int[] order;
    private int size;

    MarketSet(int markets) {
        member = new boolean[markets];
        order = new int[markets];
    }

    void add(int market) {
        if (!member[market]) {
            member[market] = true;
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
        for (int i = 0; i < size; i++) {
            member[order[i]] = false;
        }
        size = 0;
    }
}
