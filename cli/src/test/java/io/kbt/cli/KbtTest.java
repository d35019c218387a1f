package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line naming a subcommand builds that one alone; every other still sees them all. */
class KbtTest {
    @Test
    void eachSubcommandIsNamedAsItsAnnotationNamesIt() {
        for (Kbt.Subcommand command : Kbt.COMMANDS) {
            assertThat(command.name()).isEqualTo(command.type().getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Kbt.commands(new String[] {"backtest", "--from", "2023-04-10"}))
                .extracting(Kbt.Subcommand::type).containsExactly(BacktestCommand.class);
        assertThat(Kbt.commands(new String[] {"--verbose", "sweep", "--help"}))
                .extracting(Kbt.Subcommand::type).containsExactly(SweepCommand.class);
        assertThat(Kbt.commands(new String[] {"new-strategy", "x"}))
                .extracting(Kbt.Subcommand::type).containsExactly(NewStrategyCommand.class);
    }

    @Test
    void helpUsageErrorsAndUnknownNamesSeeEverySubcommand() {
        for (String[] args : new String[][] {{}, {"help"}, {"help", "backtest"}, {"-h"}, {"--version"},
                {"bogus"}, {"--verbose"}, {"--from", "backtest"}}) {
            assertThat(Kbt.commands(args)).isEqualTo(Kbt.COMMANDS);
        }
        CliRun usage = CliRun.of("--help");
        assertThat(usage.exit()).isZero();
        for (Kbt.Subcommand command : Kbt.COMMANDS) {
            assertThat(usage.out()).contains("  " + command.name() + " ");
        }
        CliRun help = CliRun.of("help", "backtest");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: kbt backtest");
    }

    @Test
    void aSubcommandBuiltAloneKeepsTheInheritedOptionAndTheSettings() {
        CliRun run = CliRun.of("backtest", "--verbose", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: kbt backtest").contains("--verbose");
        CliRun bad = CliRun.of("backtest", "--no-such-option");
        assertThat(bad.exit()).isEqualTo(CliRun.of("bogus").exit()).isNotZero();
        assertThat(bad.err()).contains("Try 'kbt backtest --help'.");
    }
}
