package io.kbt.cli;

import io.kbt.kalshi.auth.KalshiCredentials;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The API key options {@code kbt record} and {@code kbt fetch} share: options first, else the environment. */
final class KalshiKeyOptions {
    @Option(names = "--key-id", paramLabel = "ID", description = "API key id (else env KALSHI_API_KEY_ID).")
    String keyId;

    @Option(names = "--key-file", paramLabel = "PEM",
            description = "PEM private key, PKCS#1 or PKCS#8 (else env KALSHI_PRIVATE_KEY_FILE). Never printed.")
    Path keyFile;

    /** The key given, if any; a key file that cannot be read is a {@code KeyFileException}. */
    Optional<KalshiCredentials> credentials() {
        return KalshiCredentials.fromOptions(keyId, keyFile, System.getenv());
    }
}
