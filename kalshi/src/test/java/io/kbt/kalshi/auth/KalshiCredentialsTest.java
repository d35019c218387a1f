package io.kbt.kalshi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KalshiCredentialsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pkcs1", "pkcs8"})
    void signsTimestampMethodAndPathWithRsaPssThatThePublicKeyVerifies(String form) {
        KalshiCredentials credentials = KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, form));
        Map<String, String> headers = credentials.headers("get", "/trade-api/ws/v2", 1_767_225_600_123L);

        assertThat(headers).containsEntry("KALSHI-ACCESS-KEY", TestKeys.KEY_ID)
                .containsEntry("KALSHI-ACCESS-TIMESTAMP", "1767225600123");
        SignatureVerifier verifier = SignatureVerifier.ofTestKey();
        String signature = headers.get("KALSHI-ACCESS-SIGNATURE");
        assertThat(verifier.verify(TestKeys.KEY_ID, "1767225600123", signature, "GET", "/trade-api/ws/v2")).isTrue();
        assertThat(verifier.verify(TestKeys.KEY_ID, "1767225600124", signature, "GET", "/trade-api/ws/v2")).isFalse();
        assertThat(verifier.verify(TestKeys.KEY_ID, "1767225600123", signature, "POST", "/trade-api/ws/v2")).isFalse();
    }

    @Test
    void theQueryStringIsNotSigned() {
        KalshiCredentials credentials = KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs1"));
        Map<String, String> headers = credentials.headers("GET", "/trade-api/v2/markets?series_ticker=INXD", 5L);

        assertThat(SignatureVerifier.ofTestKey().verify(TestKeys.KEY_ID, "5", headers.get("KALSHI-ACCESS-SIGNATURE"),
                "GET", "/trade-api/v2/markets")).isTrue();
    }

    @Test
    void neitherToStringNorErrorsShowTheKey() throws Exception {
        Path file = TestKeys.write(dir, "pkcs8");
        String pem = Files.readString(file);
        String body = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        KalshiCredentials credentials = KalshiCredentials.load(TestKeys.KEY_ID, file);
        assertThat(credentials.toString()).contains(TestKeys.KEY_ID).doesNotContain(body);

        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, pem.replace(body, body.substring(0, 20) + "!!!!" + body.substring(24)));
        assertThatThrownBy(() -> KalshiCredentials.load("id", broken)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("broken.pem").message().doesNotContain(body.substring(0, 20));
    }

    @Test
    void missingFileAndNonKeyFileAreClearErrors() throws Exception {
        assertThatThrownBy(() -> KalshiCredentials.load("id", dir.resolve("none.pem")))
                .hasMessage(dir.resolve("none.pem") + ": no such key file");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> KalshiCredentials.load("id", text)).hasMessageContaining("not a PEM private key");
    }

    @Test
    void environmentGivesBothOrNeither() {
        Path file = TestKeys.write(dir, "pkcs1");
        assertThat(KalshiCredentials.fromEnvironment(Map.of())).isEmpty();
        assertThat(KalshiCredentials.fromEnvironment(Map.of("KALSHI_API_KEY_ID", "k", "KALSHI_PRIVATE_KEY_FILE",
                file.toString()))).get().extracting(KalshiCredentials::keyId).isEqualTo("k");
        assertThatThrownBy(() -> KalshiCredentials.fromEnvironment(Map.of("KALSHI_API_KEY_ID", "k")))
                .hasMessageContaining("no key file");
        assertThat(KalshiCredentials.fromOptions("opt", file, Map.of("KALSHI_API_KEY_ID", "env"))).get()
                .extracting(KalshiCredentials::keyId).isEqualTo("opt");
    }
}
