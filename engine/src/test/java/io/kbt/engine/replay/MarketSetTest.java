package io.kbt.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The set keeps each market once in order of first insertion, and a clear empties it for the next batch. */
class MarketSetTest {
    @Test
    void keepsFirstInsertionOrderWithoutRepeats() {
        MarketSet set = new MarketSet(5);
        set.add(3);
        set.add(1);
        set.add(3);
        set.add(4);
        assertThat(set.size()).isEqualTo(3);
        assertThat(new int[] {set.get(0), set.get(1), set.get(2)}).containsExactly(3, 1, 4);
    }

    @Test
    void aClearedSetTakesEveryMarketAgain() {
        MarketSet set = new MarketSet(3);
        for (int batch = 0; batch < 4; batch++) {
            set.add(2);
            set.add(0);
            set.add(2);
            assertThat(set.size()).isEqualTo(2);
            assertThat(set.get(0)).isEqualTo(2);
            assertThat(set.get(1)).isEqualTo(0);
            set.clear();
            assertThat(set.size()).isZero();
        }
        set.add(1);
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.get(0)).isEqualTo(1);
    }
}
