package io.kbt.cli;

import io.kbt.strategies.StrategyCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plugins (strategies, queue models, fee schedules): the jars given with {@code --plugin} plus every {@code *.jar} in the directory env
 * {@code KBT_PLUGINS} names, on one class loader whose parent is kbt's own, so a plugin sees kbt's classes (the
 * SPI, the engine, Commons Math) and the catalog sees the built-ins beside the plugins.
 */
final class Plugins {
    static final String ENV = "KBT_PLUGINS";

    private Plugins() {}

    /** The catalog of built-in and plugin strategies. */
    static StrategyCatalog catalog(List<Path> jars, Map<String, String> env) {
        return StrategyCatalog.load(loader(jars, env));
    }

    /** kbt's class loader, or one over the plugins with kbt's as parent; a missing jar or directory is a usage error. */
    static ClassLoader loader(List<Path> jars, Map<String, String> env) {
        List<Path> all = new ArrayList<>(jars);
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            all.addAll(jarsIn(Path.of(dir)));
        }
        if (all.isEmpty()) {
            return Plugins.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : all) {
            if (!Files.exists(jar)) {
                throw new UsageException("--plugin " + jar + ": no such file");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--plugin " + jar + ": " + e.getMessage());
            }
        }
        // Never closed: the plugins' classes run until the command ends.
        return new URLClassLoader("kbt-plugins", urls.toArray(URL[]::new), Plugins.class.getClassLoader());
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(ENV + "=" + dir + ": not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
