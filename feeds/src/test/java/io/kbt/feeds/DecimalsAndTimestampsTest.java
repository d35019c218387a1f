package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Exact decimal and timestamp parsing, checked against the JDK's BigDecimal and java.time. */
class DecimalsAndTimestampsTest {

    @Property
    void scaledEqualsBigDecimalMovedByTheScale(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L)
            long unscaled, @ForAll @IntRange(min = 0, max = 6) int decimals, @ForAll @IntRange(min = 0, max = 6)
            int scale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, decimals);
        long parsed = Decimals.scaled(value.toPlainString(), scale);
        BigDecimal expected = value.movePointRight(scale);
        if (expected.stripTrailingZeros().scale() > 0) {
            assertThat(parsed).isEqualTo(Long.MIN_VALUE);
        } else {
            assertThat(parsed).isEqualTo(expected.longValueExact());
        }
    }

    @Test
    void rejectsTextThatIsNotAPlainDecimal() {
        for (String text : new String[] {"", "-", ".", "1e3", "0x10", "1.2.3", " 1", "1,5", "NaN", "5."}) {
            assertThatThrownBy(() -> Decimals.scaled(text, 2)).as(text).isInstanceOf(NumberFormatException.class);
        }
        assertThat(Decimals.scaled(".5", 2)).isEqualTo(50);
    }

    @Property
    void epochDayAgreesWithLocalDateAndRejectsWhatIsNoDate(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day) {
        long expected;
        try {
            expected = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> Timestamps.epochDay(year, month, day)).isInstanceOf(DateTimeException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(Timestamps.epochDay(year, month, day)).isEqualTo(expected);
    }

    @Property
    void isoMicrosAgreesWithJavaTime(@ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros,
            @ForAll @IntRange(min = -14 * 4, max = 14 * 4) int quarterHours,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        Instant instant = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
        String pattern = "yyyy-MM-dd'T'HH:mm:ss" + (fractionDigits > 0 ? "." + "S".repeat(fractionDigits) : "")
                + "xxx";
        String text = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ofPattern(pattern));
        long truncatedTo = fractionDigits >= 6 ? 1 : (long) Math.pow(10, 6 - fractionDigits);
        assertThat(Timestamps.isoMicros(text)).as(text).isEqualTo(micros - micros % truncatedTo);
    }

    @Test
    void isoMicrosNeedsAZone() {
        assertThat(Timestamps.isoMicros("2026-07-01T02:31:45.308599Z")).isEqualTo(1_782_873_105_308_599L);
        assertThat(Timestamps.isoMicros("2023-04-10 13:31:02.651062+00:00")).isEqualTo(1_681_133_462_651_062L);
        assertThatThrownBy(() -> Timestamps.isoMicros("2026-07-01T02:31:45")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.isoMicros("2026-13-01T02:31:45Z")).isInstanceOf(DateTimeException.class);
    }
}
