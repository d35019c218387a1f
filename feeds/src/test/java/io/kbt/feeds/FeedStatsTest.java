package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedStatsTest {
    @Test
    void countsKeepTheOrderKindsWereFirstSeenIn() {
        FeedStats stats = new FeedStats();
        for (String kind : new String[] {"snapshot", "delta", "skipped:ok", "delta", "trade", "index"}) {
            stats.increment(kind);
        }
        assertThat(stats.counts().keySet()).containsExactly("snapshot", "delta", "skipped:ok", "trade", "index");
        assertThat(stats.count("delta")).isEqualTo(2);
        assertThat(stats.count("gap")).isZero();
    }
}
