package io.kbt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kbt new-strategy NAME --package P --out DIR}: a Maven project for a strategy plugin — a skeleton
 * strategy, its provider and registration, a JUnit test running it on the bundled sample through the library
 * API, and kbt's Maven wrapper — depending on this kbt's version of the installed artifacts.
 */
@Command(name = "new-strategy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scaffold a Maven project for a strategy plugin (needs kbt installed: ./mvnw install -DskipTests).")
final class NewStrategyCommand implements Callable<Integer> {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final String TEMPLATES = "/io/kbt/cli/scaffold/";
    private static final String[] WRAPPER = {"mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", ".mvn/jdk.sh"};

    @Parameters(paramLabel = "NAME", description = "Strategy class prefix, e.g. Imbalance (strategy name: imbalance).")
    String name;

    @Option(names = "--package", required = true, paramLabel = "P", description = "Java package, e.g. com.acme.")
    String packageName;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Project directory (must not exist or be empty).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new UsageException("NAME '" + name + "' must be a Java class name starting with a capital, e.g. Imbalance");
        }
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new UsageException("--package '" + packageName + "' must be a lower-case Java package, e.g. com.acme");
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new UsageException("--out " + out + " already exists and is not empty");
        }
        String strategy = name.toLowerCase(Locale.ROOT);
        Map<String, String> tokens = Map.of("@PACKAGE@", packageName, "@CLASS@", name, "@STRATEGY@", strategy,
                "@ARTIFACT@", strategy, "@KBT_VERSION@", kbtVersion());
        Path main = out.resolve("src/main/java").resolve(packageName.replace('.', '/'));
        Path test = out.resolve("src/test/java").resolve(packageName.replace('.', '/'));
        write(out.resolve("pom.xml"), "pom.xml.template", tokens);
        write(out.resolve("README.md"), "README.md.template", tokens);
        write(main.resolve(name + "Strategy.java"), "Strategy.java.template", tokens);
        write(main.resolve(name + "Provider.java"), "Provider.java.template", tokens);
        write(out.resolve("src/main/resources/META-INF/services/io.kbt.engine.strategy.StrategyProvider"),
                "services.template", tokens);
        write(test.resolve(name + "StrategyTest.java"), "Test.java.template", tokens);
        for (String file : WRAPPER) {
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, resource("wrapper/" + file));
        }
        Files.setPosixFilePermissions(out.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var console = spec.commandLine().getOut();
        console.printf("kbt new-strategy: %s (strategy '%s', package %s) in %s%n", name, strategy, packageName,
                out.toAbsolutePath());
        console.printf("  cd %s && ./mvnw -o package   (kbt %s must be installed: ./mvnw install -DskipTests in kbt)%n",
                out, kbtVersion());
        console.printf("  kbt backtest --plugin %s --strategy %s --data DIR --from DATE --out DIR%n",
                out.resolve("target/" + strategy + "-1.0.0-SNAPSHOT.jar"), strategy);
        console.flush();
        return ExitCode.OK;
    }

    static String kbtVersion() {
        Properties properties = new Properties();
        try (InputStream in = NewStrategyCommand.class.getResourceAsStream("/io/kbt/cli/kbt.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("kbt.properties missing from the kbt jar", e);
        }
        return properties.getProperty("version");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void write(Path target, String template, Map<String, String> tokens) throws IOException {
        String text = new String(resource(template), StandardCharsets.UTF_8);
        for (var token : tokens.entrySet()) {
            text = text.replace(token.getKey(), token.getValue());
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }

    private static byte[] resource(String name) {
        try (InputStream in = NewStrategyCommand.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("scaffold file " + name + " missing from the kbt jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
