package io.kbt.kalshi.fake;

import io.kbt.kalshi.auth.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/** Checks a request's Kalshi signature headers with the test key's public key, as the exchange does. */
public final class SignatureVerifier {
    private final PublicKey publicKey;
    private final String keyId;

    public SignatureVerifier(PublicKey publicKey, String keyId) {
        this.publicKey = publicKey;
        this.keyId = keyId;
    }

    /** The verifier of the committed test key, {@code test-key-*.pem}, whose id is {@link TestKeys#KEY_ID}. */
    public static SignatureVerifier ofTestKey() {
        try (InputStream in = SignatureVerifier.class.getResourceAsStream("/io/kbt/kalshi/test-key-public.pem")) {
            return new SignatureVerifier(PemKeys.publicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)),
                    TestKeys.KEY_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when all three headers are there, the key id is ours and the signature is over ts + METHOD + path. */
    public boolean verify(String key, String timestamp, String signature, String method, String path) {
        if (key == null || timestamp == null || signature == null || !key.equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            verifier.initVerify(publicKey);
            verifier.update((timestamp + method + path).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
