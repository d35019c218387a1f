package io.kbt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbUrlTest {
    @TempDir
    Path dir;

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of("KBT_DB_URL", "jdbc:postgresql://envhost:6000/envdb");
        assertThat(DbUrl.resolve("jdbc:postgresql://opthost/optdb", env).describe()).isEqualTo("opthost:5432/optdb");
        assertThat(DbUrl.resolve(null, env).describe()).isEqualTo("envhost:6000/envdb");
        assertThat(DbUrl.resolve(null, Map.of()).describe()).isEqualTo("localhost:5432/kbt");
    }

    @Test
    void credentialsLeaveTheUrlAndComeFromUrlThenPgUserAndPgPassword() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://h:1/d?user=u&password=p%40ss&sslmode=disable",
                Map.of("PGUSER", "envuser", "PGPASSWORD", "envpass"));
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d?sslmode=disable");
        assertThat(url.toString()).doesNotContain("p@ss");

        DbUrl fromEnv = DbUrl.parse("jdbc:postgresql://h:1/d", Map.of("PGUSER", "envuser", "PGPASSWORD", "envpass"));
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).isEqualTo("envpass");
    }

    @Test
    void aLibpqUriCarriesUserAndPasswordBeforeTheHost() {
        DbUrl url = DbUrl.parse("postgresql://alice:secret@db.example:5433/kbt", Map.of());
        assertThat(url.describe()).isEqualTo("db.example:5433/kbt");
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void thePasswordFileIsLeftToPgJdbcWhichReadsItWhenNothingElseGivesAPassword() throws Exception {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), """
                # comment
                otherhost:5432:*:bob:wrong
                127.0.0.1:5432:kbt:bob:from\\:file
                *:*:*:*:fallback
                """);
        DbUrl url = DbUrl.parse("jdbc:postgresql://127.0.0.1:5432/kbt?user=bob", Map.of());
        assertThat(url.password()).isNull();
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            Properties props = new Properties();
            props.setProperty("user", url.user());
            assertThat(org.postgresql.Driver.parseURL(url.jdbcUrl(), props).getProperty("password")).isEqualTo("from:file");
            props.setProperty("user", "carol");
            assertThat(org.postgresql.Driver.parseURL("jdbc:postgresql://elsewhere/x", props).getProperty("password"))
                    .isEqualTo("fallback");
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void anUnknownSchemeIsAUsageErrorThatHidesThePassword() {
        assertThatThrownBy(() -> DbUrl.parse("mysql://h/d?password=hunter2", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }
}
