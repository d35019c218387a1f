package io.kbt.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * The small data set bundled with kbt so it can be tried without recordings ({@code kbt demo}, {@code --data DIR},
 * the importers): two trading days of generated INXD events, five brackets plus two tails each, with their
 * websocket frames and the index ticks. It is exactly what {@link #REGENERATE} writes.
 */
public final class Samples {
    public static final LocalDate START = LocalDate.of(2026, 1, 5);
    public static final int DAYS = 2;
    public static final int BRACKETS = 5;
    public static final long SEED = 1;
    /** The command, run from the repository root, that rewrites the bundled files. */
    public static final String REGENERATE = "./kbt generate --out samples/src/main/resources/io/kbt/samples/sample"
            + " --start 2026-01-05 --days 2 --markets 5 --seed 1 --gzip";
    /** The bundled files' names. */
    public static final List<String> FILES = List.of(GeneratedFiles.MARKETS, GeneratedFiles.INDEX + ".gz",
            GeneratedFiles.WEBSOCKET + ".gz");

    private static final String RESOURCES = "sample/";

    private Samples() {}

    /** The generation the bundled files come from. */
    public static GeneratorConfig config() {
        return GeneratorConfig.of(START, DAYS, BRACKETS, SEED);
    }

    /** The last trading day of the sample (a backtest over the sample runs {@link #START} to this). */
    public static LocalDate lastDay() {
        return TradingDays.from(START, DAYS).get(DAYS - 1);
    }

    /** Copies the bundled files into {@code dir} (created if needed, same-named files replaced); returns {@code dir}. */
    public static Path extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : FILES) {
                try (InputStream in = open(file)) {
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled sample to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One bundled file, by a name of {@link #FILES}. */
    public static InputStream open(String file) {
        if (!FILES.contains(file)) {
            throw new IllegalArgumentException("no bundled sample file " + file + "; there are " + FILES);
        }
        InputStream in = Samples.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException("bundled sample file " + file + " is missing from the kbt-samples jar");
        }
        return in;
    }
}
