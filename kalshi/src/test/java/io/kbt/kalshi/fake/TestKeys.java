package io.kbt.kalshi.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed test key pair (generated for these tests only; it opens no account). */
public final class TestKeys {
    public static final String KEY_ID = "test-key-0001";

    private TestKeys() {}

    /** Copies {@code test-key-pkcs1.pem} or {@code test-key-pkcs8.pem} into {@code dir} and returns its path. */
    public static Path write(Path dir, String form) {
        String name = "test-key-" + form + ".pem";
        try (InputStream in = TestKeys.class.getResourceAsStream("/io/kbt/kalshi/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
