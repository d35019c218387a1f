package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.samples.Samples;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin strategy that throws stops the run: exit 1, one line naming the strategy, the market and the time. */
class PluginFailureTest {
    private static final String BOOM = """
            package boom;

            import io.kbt.engine.market.Instruments;
            import io.kbt.engine.strategy.*;
            import java.util.List;

            public final class BoomProvider implements StrategyProvider {
                public String name() { return "boom"; }
                public String description() { return "throws once a book is live"; }
                public List<StrategyParameter> parameters() {
                    return List.of(StrategyParameter.of("n", ParameterKind.WHOLE, "", "1", "unused"));
                }
                public Strategy create(StrategyParams params, Instruments instruments) {
                    return context -> {
                        for (int m = 0; m < context.instruments().markets().size(); m++) {
                            if (context.book(m).live()) {
                                throw new IllegalStateException("no fair value for " + m);
                            }
                        }
                    };
                }
            }
            """;

    @TempDir
    static Path dir;
    static Path jar;
    static Path data;

    @BeforeAll
    static void build() {
        jar = PluginJars.fromSources(dir.resolve("boom"), Map.of("boom/BoomProvider.java", BOOM), "boom.BoomProvider");
        data = Samples.extractTo(dir.resolve("data"));
    }

    @Test
    void aThrowingStrategyExitsOneWithOneLineNamingStrategyMarketAndTime() {
        CliRun run = CliRun.of("backtest", "--plugin", jar.toString(), "--strategy", "boom", "--data", data.toString(),
                "--from", Samples.START.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .matches("kbt: strategy boom failed in onBatch on INXD-26JAN05-\\S+ at 2026-01-05T\\S+Z: "
                        + "IllegalStateException: no fair value for \\d+"));
    }

    @Test
    void verboseAddsTheStack() {
        CliRun run = CliRun.of("sweep", "--plugin", jar.toString(), "--strategy", "boom", "--data", data.toString(),
                "--from", Samples.START.toString(), "--grid", "n=1,2", "--out", dir.resolve("sweep").toString(),
                "--verbose");

        assertThat(run.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("kbt: strategy boom failed in onBatch on INXD-26JAN05-")
                .contains("Caused by: java.lang.IllegalStateException: no fair value for").contains("boom.BoomProvider.lambda");
    }
}
