package io.kbt.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class KalshiBookTest {
    private static BookSnapshot snapshot(List<Level> yes, List<Level> no) {
        return new BookSnapshot(0, 0, 0, yes, no);
    }

    @Test
    void snapshotReplacesTheBookAndYesAskIsMaxTicksMinusBestNoBid() {
        KalshiBook book = new KalshiBook(100);
        book.applySnapshot(snapshot(List.of(new Level(40, 100), new Level(42, 300)), List.of(new Level(50, 200))));
        book.applySnapshot(snapshot(List.of(new Level(30, 100)), List.of(new Level(60, 500), new Level(55, 100))));
        assertThat(book.bestYesBid()).isEqualTo(30);
        assertThat(book.yesBidSize(42)).isZero();
        assertThat(book.bestNoBid()).isEqualTo(60);
        assertThat(book.bestYesAsk()).isEqualTo(40);
        assertThat(book.yesAskSize(40)).isEqualTo(500);
        assertThat(book.yesAskSize(45)).isEqualTo(100);
        assertThat(book.live()).isTrue();
    }

    @Test
    void emptySidesShowZero() {
        KalshiBook book = new KalshiBook(100);
        assertThat(book.bestYesBid()).isZero();
        assertThat(book.bestYesAsk()).isZero();
        assertThat(book.live()).isFalse();
        book.applyDelta(BookSide.NO, 99, 100);
        assertThat(book.bestYesAsk()).isEqualTo(1);
    }

    @Test
    void deltasMoveTheBestPriceBothWays() {
        KalshiBook book = new KalshiBook(1000);
        book.applyDelta(BookSide.YES, 400, 100);
        book.applyDelta(BookSide.YES, 455, 184);
        assertThat(book.bestYesBid()).isEqualTo(455);
        book.applyDelta(BookSide.YES, 455, -184);
        assertThat(book.bestYesBid()).isEqualTo(400);
        assertThat(book.clampedLevels()).isZero();
    }

    @Test
    void aLevelNeverGoesNegativeAndTheClampIsCounted() {
        KalshiBook book = new KalshiBook(100);
        book.applyDelta(BookSide.YES, 40, 100);
        assertThat(book.applyDelta(BookSide.YES, 40, -250)).isZero();
        assertThat(book.yesBidSize(40)).isZero();
        assertThat(book.bestYesBid()).isZero();
        assertThat(book.clampedLevels()).isEqualTo(1);
    }

    @Test
    void aCrossedBookIsCountedEachTimeItCrosses() {
        KalshiBook book = new KalshiBook(100);
        book.applyDelta(BookSide.YES, 50, 100);
        book.applyDelta(BookSide.NO, 45, 100); // ask 55: not crossed
        assertThat(book.crossed()).isFalse();
        book.applyDelta(BookSide.NO, 50, 100); // ask 50 = bid 50: crossed
        assertThat(book.crossed()).isTrue();
        book.applyDelta(BookSide.NO, 52, 100); // still crossed: counted once
        book.applyDelta(BookSide.NO, 52, -100);
        book.applyDelta(BookSide.NO, 50, -100);
        assertThat(book.crossed()).isFalse();
        book.applyDelta(BookSide.YES, 56, 100);
        assertThat(book.crossedBooks()).isEqualTo(2);
    }

    @Test
    void aPriceOffTheGridIsRejected() {
        KalshiBook book = new KalshiBook(100);
        assertThatThrownBy(() -> book.applyDelta(BookSide.YES, 100, 1)).hasMessageContaining("100");
        assertThatThrownBy(() -> book.applyDelta(BookSide.NO, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    record Change(boolean yes, int price, long delta) {}

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 99),
                Arbitraries.longs().between(-500, 500)).as(Change::new).list().ofMaxSize(300);
    }

    @Property(tries = 200)
    void noLevelIsEverNegativeAndBestPricesMatchAScan(@ForAll("changes") List<Change> changes) {
        KalshiBook book = new KalshiBook(100);
        long[] yes = new long[100];
        long[] no = new long[100];
        for (Change change : changes) {
            long[] levels = change.yes() ? yes : no;
            levels[change.price()] = Math.max(0, levels[change.price()] + change.delta());
            book.applyDelta(change.yes() ? BookSide.YES : BookSide.NO, change.price(), change.delta());
            int bestYes = 0;
            int bestNo = 0;
            for (int p = 1; p < 100; p++) {
                assertThat(book.yesBidSize(p)).isEqualTo(yes[p]).isNotNegative();
                assertThat(book.noBidSize(p)).isEqualTo(no[p]).isNotNegative();
                bestYes = yes[p] > 0 ? p : bestYes;
                bestNo = no[p] > 0 ? p : bestNo;
            }
            assertThat(book.bestYesBid()).isEqualTo(bestYes);
            assertThat(book.bestNoBid()).isEqualTo(bestNo);
        }
    }
}
