package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.runner.Backtest;
import io.kbt.samples.Samples;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy from outside kbt: the repository's example project compiled into a jar that only {@code --plugin}
 * (or {@code KBT_PLUGINS}) puts in reach, run by the CLI and by the library API on the bundled sample's first day.
 */
class PluginTest {
    private static final String DAY = Samples.START.toString();

    @TempDir
    static Path dir;
    static Path jar;
    static Path data;

    @BeforeAll
    static void buildTheExample() {
        jar = PluginJars.example(dir);
        data = Samples.extractTo(dir.resolve("data"));
    }

    @Test
    void theExampleGivesTheSameFiguresThroughThePluginAndTheLibraryApi() throws Exception {
        Path viaCli = dir.resolve("cli");
        CliRun run = CliRun.of("backtest", "--plugin", jar.toString(), "--strategy", "imbalance", "--set", "preset=tight",
                "--data", data.toString(), "--from", DAY, "--out", viaCli.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("kbt backtest: imbalance on 7 market(s)");

        Path viaApi = dir.resolve("api");
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Backtest.builder().data(data).from(Samples.START).plugins(plugin)
                    .strategy("imbalance").set("preset", "tight")
                    .build().report(viaApi);
        }

        JsonNode cli = figures(viaCli);
        assertThat(cli.get("strategy").asText()).isEqualTo("imbalance");
        assertThat(cli.get("fills").asLong()).isPositive();
        assertThat(cli.get("params").get("halfSpread").asText()).isEqualTo("1");
        assertThat(figures(viaApi)).isEqualTo(cli);
        assertThat(Files.readString(viaApi.resolve("fills.csv"))).isEqualTo(Files.readString(viaCli.resolve("fills.csv")));
    }

    @Test
    void aSweepRunsOverThePluginsOwnParameters() throws IOException {
        Path out = dir.resolve("sweep");
        CliRun run = CliRun.of("sweep", "--plugin", jar.toString(), "--strategy", "imbalance", "--data", data.toString(),
                "--from", DAY, "--grid", "halfSpread=1,3", "--grid", "minDepth=1,50", "--threads", "2", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).startsWith("halfSpread,minDepth,");
        assertThat(rows.subList(1, 5).stream().map(r -> r.substring(r.indexOf(',', r.indexOf(',') + 1))).distinct())
                .as("the swept parameters change the outcome").hasSizeGreaterThan(1);
    }

    @Test
    void theStrategiesCommandListsBuiltInsAndPluginsWithTheirParameters() {
        CliRun run = CliRun.of("strategies", "--plugin", jar.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("cauchy — ").contains("normal — ").contains("imbalance — ")
                .contains("plugin.jar")
                .containsPattern("halfSpread +ticks +2 +a whole number ≥ 0 in 0\\.\\.20: distance of each quote from fair")
                .contains("preset tight: {halfSpread=1, quoteSize=2, skew=0.2}");
        assertThat(CliRun.of("strategies").out()).contains("cauchy").doesNotContain("imbalance");
    }

    @Test
    void theEnvironmentsPluginDirectoryIsReadToo() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve("imbalance.jar"));

        assertThat(Plugins.catalog(List.of(), Map.of(Plugins.ENV, plugins.toString())).names())
                .containsExactly("cauchy", "normal", "imbalance");
        assertThat(Plugins.catalog(List.of(), Map.of()).names()).containsExactly("cauchy", "normal");
    }

    @Test
    void anUnknownKeyOrBadValueOfAPluginIsAUsageErrorNamingTheKey() {
        CliRun unknown = CliRun.of("backtest", "--plugin", jar.toString(), "--strategy", "imbalance", "--set", "gamma0=1",
                "--data", data.toString(), "--from", DAY, "--out", dir.resolve("bad").toString());
        CliRun outOfRange = CliRun.of("sweep", "--plugin", jar.toString(), "--strategy", "imbalance",
                "--grid", "halfSpread=1,21", "--data", data.toString(), "--from", DAY, "--out", dir.resolve("bad2").toString());
        CliRun missing = CliRun.of("backtest", "--plugin", dir.resolve("nope.jar").toString(), "--data", data.toString(),
                "--from", DAY, "--out", dir.resolve("bad3").toString());

        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown parameter 'gamma0' for strategy imbalance");
        assertThat(outOfRange.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(outOfRange.err()).contains("parameter halfSpread of strategy imbalance: '21' is not a whole number ≥ 0 in 0..20");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.jar: no such file");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    private static JsonNode figures(Path report) throws IOException {
        return UntimedSummary.of(report);
    }
}
