package io.kbt.feeds;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reference data under ../shared/data, located by the {@code kbt.sharedData} property surefire sets. */
final class SharedData {
    private SharedData() {}

    static Path file(String relative) {
        String root = System.getProperty("kbt.sharedData", "../shared/data");
        Path path = Path.of(root).resolve(relative).normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("reference data missing: " + path + " (set -Dkbt.sharedData)");
        }
        return path;
    }
}
