package io.kbt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests the way a user's build would: the sources compiled against kbt's classes (this
 * test's class path), packed with their {@code META-INF/services} registration. The classes exist only in the
 * jar, so kbt can load them only through {@code --plugin}.
 */
final class PluginJars {
    private PluginJars() {}

    /** The repository's {@code examples/imbalance} project as a jar in {@code dir}. */
    static Path example(Path dir) {
        return project(repositoryRoot().resolve("examples/imbalance"), dir.resolve("imbalance"));
    }

    /** The main sources and resources of the Maven project at {@code project} as a jar in {@code dir}. */
    static Path project(Path project, Path dir) {
        return build(dir, project.resolve("src/main/java"), project.resolve("src/main/resources"));
    }

    /** {@code sources} (file name relative to the source root → text) and a provider registration, as a jar. */
    static Path fromSources(Path dir, Map<String, String> sources, String provider) {
        try {
            Path src = dir.resolve("src");
            for (var source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
            Path services = dir.resolve("resources/META-INF/services");
            Files.createDirectories(services);
            Files.writeString(services.resolve("io.kbt.engine.strategy.StrategyProvider"), provider + "\n");
            return build(dir.resolve("jar"), src, dir.resolve("resources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    private static Path build(Path out, Path sourceRoot, Path resources) {
        try {
            Path classes = out.resolve("classes");
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "21"));
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            int exit = javac.run(null, null, null, args.toArray(String[]::new));
            if (exit != 0) {
                throw new IllegalStateException("compiling " + sourceRoot + " failed: " + errors);
            }
            Path jar = out.resolve("plugin.jar");
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file)) {
                add(zip, classes);
                add(zip, resources);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JarOutputStream zip, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            zip.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
            zip.write(Files.readAllBytes(file));
            zip.closeEntry();
        }
    }
}
