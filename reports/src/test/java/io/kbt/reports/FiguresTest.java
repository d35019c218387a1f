package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dollars and contracts print the same under any locale. */
class FiguresTest {
    @Test
    void dollarsAndContractsIgnoreTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Figures.dollars(1_234_560_000L)).isEqualTo("$1,234.56");
            assertThat(Figures.dollars(-400_000L)).isEqualTo("-$0.40");
            assertThat(Figures.dollars(-4_000L)).isEqualTo("$0.00");
            assertThat(Figures.dollars(5_000L)).isEqualTo("$0.00");
            assertThat(Figures.dollars(15_000L)).isEqualTo("$0.02");
            assertThat(Figures.contracts(123_456L)).isEqualTo("1,234.56");
        } finally {
            Locale.setDefault(before);
        }
    }
}
