package io.kbt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.cli.Kbt;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbt sweep --spark local[2]} writes the same sweep.csv, daily.csv and statistics as the local sweep. */
class SparkSweepCommandTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void sparkAndLocalSweepsWriteTheSameFiles() throws IOException {
        new Generator(GeneratorConfig.of(MONDAY, 3, 3, 9)).writeTo(dir.resolve("data"), false);

        String local = sweep(dir.resolve("local"));
        String spark = sweep(dir.resolve("spark"), "--spark", "local[2]");

        assertThat(spark).contains("on Spark local[2]").contains("4 parameter sets × 3 shard(s)");
        assertThat(local).contains("on 2 thread(s)");
        assertThat(withoutTimings(dir.resolve("spark/sweep.csv")))
                .isEqualTo(withoutTimings(dir.resolve("local/sweep.csv")));
        assertThat(Files.readAllLines(dir.resolve("spark/daily.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("local/daily.csv")));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(dir.resolve("spark/sweep.json").toFile()).get("statistics"))
                .isEqualTo(mapper.readTree(dir.resolve("local/sweep.json").toFile()).get("statistics"));
    }

    private String sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--data", dir.resolve("data").toString(),
                "--from", MONDAY.toString(), "--to", MONDAY.plusDays(2).toString(), "--set", "preset=seed",
                "--grid", "halfSpread=1,2", "--grid", "skew=0,0.2", "--threads", "2", "--pbo-splits", "2",
                "--walk-forward", "train=1,test=1", "--out", out.toString()));
        args.addAll(List.of(extra));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Kbt.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertThat(exit).as(stderr.toString()).isZero();
        return stdout.toString();
    }

    private static List<String> withoutTimings(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int replay = header.indexOf("replay_ms");
        int rate = header.indexOf("events_per_second");
        return lines.stream().map(line -> {
            String[] f = line.split(",");
            f[replay] = "";
            f[rate] = "";
            return String.join(",", f);
        }).toList();
    }
}
