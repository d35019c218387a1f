package io.kbt.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BookSideTest {
    @Test
    void codesAreTheDatabaseEncodingYesZeroNoOne() {
        assertThat(BookSide.YES.code()).isZero();
        assertThat(BookSide.NO.code()).isEqualTo(1);
    }

    @Test
    void ofCodeInvertsCode() {
        for (BookSide side : BookSide.values()) {
            assertThat(BookSide.ofCode(side.code())).isSameAs(side);
        }
    }

    @Test
    void ofCodeRejectsAnyOtherCode() {
        assertThatThrownBy(() -> BookSide.ofCode(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 2");
        assertThatThrownBy(() -> BookSide.ofCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
