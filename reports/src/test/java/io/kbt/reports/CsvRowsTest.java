package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed fields print exactly what the {@code BigDecimal} and {@code java.time} renderings they replace do. */
class CsvRowsTest {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void typedFieldsMatchTheReferenceRenderings() throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        List<Long> longs = new ArrayList<>(List.of(0L, 1L, -1L, 5L, -5L, 10L, 100L, 9_999L, 10_000L, -10_000L,
                10_001L, 123_456_789L, -100L, 1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (int i = 0; i < 20_000; i++) {
            longs.add(random.nextLong(-2_000_000_000L, 2_000_000_000L));
            longs.add(random.nextLong(-200, 200) * (long) Math.pow(10, random.nextInt(0, 8)));
        }
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, 0.5, 0.00005, 0.00015, 0.00025, -0.00025,
                12.34565, 12.34575, 99.99995, 99.99994999, 1e-3, 9.99e-4, 1e-5, -1e-7, 1e6, 9_999_999.99995, 1e7,
                1.5e300, Double.MIN_VALUE, 70.5, 100.0, 65.0, 1.0 / 3));
        for (int i = 0; i < 20_000; i++) {
            doubles.add(random.nextDouble(0, 100));
            doubles.add(random.nextInt(0, 1_000_000) / 10_000.0 + random.nextInt(0, 2) * 0.00005);
            doubles.add(random.nextInt(-100_000_000, 100_000_000) / 100_000.0);
        }
        List<Long> times = new ArrayList<>(List.of(0L, -1L, 1_681_133_462_651_062L, 1_681_133_462_000_000L,
                1_681_133_462_999_999L, -62_135_596_800_000_000L));
        for (int i = 0; i < 20_000; i++) {
            times.add(1_681_133_462_651_062L + random.nextLong(0, 3_600_000_000L));
        }

        Path file = dir.resolve("typed.csv");
        StringBuilder expected = new StringBuilder("value\n");
        try (CsvRows csv = new CsvRows(file, "value")) {
            for (long v : longs) {
                csv.cents(v).end();
                expected.append(Decimals.cents(v)).append('\n');
                csv.contracts(v).end();
                expected.append(Decimals.contracts(v)).append('\n');
            }
            for (double d : doubles) {
                csv.fair(d).end();
                BigDecimal value = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
                expected.append(value.scale() < 0 ? value.setScale(0) : value).append('\n');
            }
            for (long t : times) {
                csv.time(t).end();
                Instant instant = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000L), Math.floorMod(t, 1_000_000L) * 1000);
                expected.append(MICROS.format(instant)).append('\n');
            }
        }
        assertThat(Files.readString(file)).isEqualTo(expected.toString());
    }

    @Test
    void fairOfNoNumberIsEmptyAndTextIsQuotedAsRfc4180Says() throws IOException {
        Path file = dir.resolve("text.csv");
        try (CsvRows csv = new CsvRows(file, "a", "b", "c", "d")) {
            csv.fair(Double.NaN).fair(Double.POSITIVE_INFINITY).text("x,\"y\"").text("Ünïcode").end();
            csv.write(null, 1, "plain", BigDecimal.ONE);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("a,b,c,d\n,,\"x,\"\"y\"\"\",Ünïcode\n,1,plain,1\n");
    }

    @Test
    void everyTypedFieldKeepsItsColumnAfterAnother() throws IOException {
        Path file = dir.resolve("columns.csv");
        try (CsvRows csv = new CsvRows(file, "a", "b", "c", "d", "e")) {
            csv.text("x").cents(Long.MIN_VALUE).contracts(Long.MIN_VALUE).fair(1.5e300).time(0).end();
            csv.cents(10_000).contracts(-150).fair(12.34565).text(null).time(-1).end();
        }
        assertThat(Files.readAllLines(file)).containsExactly("a,b,c,d,e",
                "x," + Decimals.cents(Long.MIN_VALUE) + "," + Decimals.contracts(Long.MIN_VALUE) + ","
                        + BigDecimal.valueOf(1.5e300).setScale(0) + ",1970-01-01T00:00:00.000000Z",
                "1,-1.50,12.3456,,1969-12-31T23:59:59.999999Z");
    }

    @Test
    void aRowMustHaveTheHeadersFields() {
        try (CsvRows csv = new CsvRows(dir.resolve("short.csv"), "a", "b")) {
            csv.text("only");
            assertThatThrownBy(csv::end).hasMessageContaining("row of 1 fields, header has 2");
            assertThatThrownBy(() -> csv.write("x")).hasMessageContaining("row of 1 fields, header has 2");
        }
    }
}
