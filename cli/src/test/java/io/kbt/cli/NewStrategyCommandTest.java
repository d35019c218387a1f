package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kbt new-strategy}: the project it writes, and its strategy compiled and run through {@code --plugin}.
 * (Building it with its own Maven wrapper needs kbt installed; {@code .ci/run} does that.)
 */
class NewStrategyCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAMavenProjectWithItsOwnWrapperRegistrationAndTest() throws Exception {
        Path acme = dir.resolve("acme");
        CliRun run = CliRun.of("new-strategy", "Imbalance", "--package", "com.acme", "--out", acme.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("strategy 'imbalance'");
        assertThat(Files.readString(acme.resolve("pom.xml")))
                .contains("<groupId>com.acme</groupId>", "<artifactId>imbalance</artifactId>",
                        "<kbt.version>" + NewStrategyCommand.kbtVersion() + "</kbt.version>", "kbt-engine", "kbt-runner");
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(acme.resolve("pom.xml").toFile()).getDocumentElement().getTagName()).isEqualTo("project");
        assertThat(NewStrategyCommand.kbtVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Files.readString(acme.resolve("src/main/resources/META-INF/services/io.kbt.engine.strategy.StrategyProvider")))
                .isEqualTo("com.acme.ImbalanceProvider\n");
        assertThat(acme.resolve("src/main/java/com/acme/ImbalanceStrategy.java")).isNotEmptyFile();
        assertThat(Files.readString(acme.resolve("src/test/java/com/acme/ImbalanceStrategyTest.java")))
                .contains("Backtest.builder()", ".strategy(\"imbalance\")");
        assertThat(Files.isExecutable(acme.resolve("mvnw"))).isTrue();
        assertThat(acme.resolve(".mvn/wrapper/maven-wrapper.properties")).isNotEmptyFile();
        assertThat(acme.resolve(".mvn/jdk.sh")).isNotEmptyFile();
        assertThat(Files.readString(acme.resolve("mvnw")))
                .isEqualTo(Files.readString(PluginJars.repositoryRoot().resolve("mvnw")));
    }

    @Test
    void theSkeletonCompilesAndBacktestsThroughThePluginPath() {
        Path acme = dir.resolve("acme");
        assertThat(CliRun.of("new-strategy", "Acme", "--package", "com.acme.quotes", "--out", acme.toString()).exit()).isZero();
        Path jar = PluginJars.project(acme, dir.resolve("build"));
        Path data = Samples.extractTo(dir.resolve("data"));

        CliRun run = CliRun.of("backtest", "--plugin", jar.toString(), "--strategy", "acme", "--set", "halfSpread=1",
                "--data", data.toString(), "--from", Samples.START.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("kbt backtest: acme on 7 market(s)");
        assertThat(run.out()).doesNotContain("fills         0 ");
    }

    @Test
    void badNamesPackagesAndDirectoriesAreUsageErrors() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("x"), "");

        assertThat(CliRun.of("new-strategy", "imbalance", "--package", "com.acme", "--out", dir.resolve("a").toString()).exit())
                .isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("new-strategy", "Imbalance", "--package", "Com.Acme", "--out", dir.resolve("b").toString()).err())
                .contains("--package 'Com.Acme'");
        CliRun full = CliRun.of("new-strategy", "Imbalance", "--package", "com.acme", "--out", taken.toString());
        assertThat(full.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(full.err()).contains("already exists and is not empty");
    }
}
