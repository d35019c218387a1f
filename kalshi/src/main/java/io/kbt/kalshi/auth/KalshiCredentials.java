package io.kbt.kalshi.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Kalshi API key: its id and RSA private key, signing requests as Kalshi asks: base64 of an RSA-PSS signature
 * (SHA-256, MGF1 with SHA-256, salt 32 bytes) over {@code timestamp + METHOD + path}, the path without its query.
 * The key, the file's contents and signatures never appear in {@link #toString()} or in any message.
 */
public final class KalshiCredentials {
    /** Environment variables read by {@link #fromEnvironment(Map)}. */
    public static final String KEY_ID_ENV = "KALSHI_API_KEY_ID";

    public static final String KEY_FILE_ENV = "KALSHI_PRIVATE_KEY_FILE";

    public static final String ACCESS_KEY = "KALSHI-ACCESS-KEY";
    public static final String ACCESS_TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
    public static final String ACCESS_SIGNATURE = "KALSHI-ACCESS-SIGNATURE";

    static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final String keyId;
    private final PrivateKey key;

    private KalshiCredentials(String keyId, PrivateKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * Reads the key in {@code pemFile} (PKCS#1 {@code RSA PRIVATE KEY} or PKCS#8 {@code PRIVATE KEY}).
     *
     * @throws KeyFileException naming the file (never its contents) when it is missing or not such a key
     */
    public static KalshiCredentials load(String keyId, Path pemFile) {
        if (keyId == null || keyId.isBlank()) {
            throw new KeyFileException("the API key id is empty");
        }
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(pemFile + ": no such key file");
        } catch (IOException e) {
            throw new KeyFileException(pemFile + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
        }
        return new KalshiCredentials(keyId.strip(), PemKeys.privateKey(pem, pemFile.toString()));
    }

    /**
     * The key named by {@code KALSHI_API_KEY_ID} and {@code KALSHI_PRIVATE_KEY_FILE} in {@code environment}; empty
     * when neither is set, an error when only one is.
     */
    public static Optional<KalshiCredentials> fromEnvironment(Map<String, String> environment) {
        return fromOptions(null, null, environment);
    }

    /** Options win over the environment, each of the two separately; both or neither must end up given. */
    public static Optional<KalshiCredentials> fromOptions(String keyId, Path keyFile, Map<String, String> environment) {
        String id = keyId != null ? keyId : blankToNull(environment.get(KEY_ID_ENV));
        String file = keyFile != null ? keyFile.toString() : blankToNull(environment.get(KEY_FILE_ENV));
        if (id == null && file == null) {
            return Optional.empty();
        }
        if (id == null) {
            throw new KeyFileException("a key file is given but no key id (--key-id or " + KEY_ID_ENV + ")");
        }
        if (file == null) {
            throw new KeyFileException("a key id is given but no key file (--key-file or " + KEY_FILE_ENV + ")");
        }
        return Optional.of(load(id, Path.of(file)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String keyId() {
        return keyId;
    }

    /**
     * The three headers of a request signed at {@code epochMillis}; {@code path} starts at {@code /trade-api/},
     * anything from {@code ?} on is left out of the signature.
     */
    public Map<String, String> headers(String method, String path, long epochMillis) {
        int query = path.indexOf('?');
        String signedPath = query < 0 ? path : path.substring(0, query);
        String timestamp = Long.toString(epochMillis);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ACCESS_KEY, keyId);
        headers.put(ACCESS_TIMESTAMP, timestamp);
        headers.put(ACCESS_SIGNATURE, sign(timestamp + method.toUpperCase(java.util.Locale.ROOT) + signedPath));
        return headers;
    }

    private String sign(String message) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the API key " + keyId + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "KalshiCredentials[keyId=" + keyId + ", key=(hidden)]";
    }
}
