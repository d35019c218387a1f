package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JVM policy: only a one-day backtest runs on C1 alone (see {@code kbt_one_day_backtest} in the
 * {@code kbt} script); longer backtests and every other command keep C2.
 */
class LauncherJvmOptionsTest {
    @Test
    void onlyAOneDayBacktestIsShort() throws Exception {
        assertThat(oneDay("backtest", "--from", "2023-04-10", "--data", "d")).isTrue();
        assertThat(oneDay("--verbose", "backtest", "--from=2023-04-10", "--to=2023-04-10")).isTrue();
        assertThat(oneDay("backtest", "--to", "2023-04-10", "--from", "2023-04-10", "--db", "u")).isTrue();
        assertThat(oneDay("backtest", "--from", "2026-01-05", "--to", "2026-01-30")).isFalse();
        assertThat(oneDay("backtest", "--to=2026-01-30", "--from", "2026-01-05")).isFalse();
        assertThat(oneDay("sweep", "--from", "2023-04-10")).isFalse();
        assertThat(oneDay("demo")).isFalse();
        assertThat(oneDay("backtest", "--from", "2026-01-05", "@more-options.txt")).isFalse();
        assertThat(oneDay()).isFalse();
    }

    /** Runs the script's function alone in bash with {@code args}. */
    private static boolean oneDay(String... args) throws IOException, InterruptedException {
        String script = Files.readString(PluginJars.repositoryRoot().resolve("kbt"));
        int start = script.indexOf("kbt_one_day_backtest() {");
        int end = script.indexOf("\n}\n", start) + 3;
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -euo pipefail\n" + script.substring(start, end) + "kbt_one_day_backtest \"$@\"", "kbt"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor() == 0;
    }
}
