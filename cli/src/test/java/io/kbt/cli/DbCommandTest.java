package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** {@code kbt db migrate} and what every database command does when the server cannot be reached. */
class DbCommandTest {
    @Test
    void migrateCreatesAMissingDatabaseThenFindsTheSchemaUpToDate() {
        try (TestDatabase db = TestDatabase.reserve(DbCommandTest.class)) {
            assertThat(db.exists()).isFalse();
            CliRun first = CliRun.of("db", "migrate", "--db", db.jdbcUrl());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("database created").containsPattern("\\d+ migrations? applied");
            assertThat(db.exists()).isTrue();
            assertThat(db.count("market")).isZero();

            CliRun again = CliRun.of("db", "migrate", "--db", db.jdbcUrl());
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("schema up to date").doesNotContain("created");
        }
    }

    @Test
    void anUnreachableServerExits4WithOneLineAndNeverShowsThePassword() {
        String password = "s3cret-Pa55word";
        for (String[] command : new String[][] {{"db", "migrate"}, {"markets"}, {"import", "markets", "x.json"}}) {
            String[] args = new String[command.length + 2];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--db";
            args[command.length + 1] = "jdbc:postgresql://127.0.0.1:1/kbt?user=alice&password=" + password;
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
            assertThat(run.err().strip().lines()).singleElement().asString()
                    .contains("127.0.0.1:1/kbt").contains("alice");
            assertThat(run.out() + run.err()).doesNotContain(password);
        }
    }

    @Test
    void aWrongPasswordExits4WithoutEchoingIt() {
        String password = "not-the-password-42";
        CliRun run = CliRun.of("markets", "--db",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=kbt_no_such_role&password=" + password);
        assertThat(run.exit()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(password);
    }
}
