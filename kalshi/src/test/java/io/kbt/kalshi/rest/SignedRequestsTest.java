package io.kbt.kalshi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an API key, every REST request of kbt fetch carries a valid signature over its path without the query. */
class SignedRequestsTest {
    @TempDir Path dir;

    @Test
    void everyRequestIsSignedOverItsPathWithoutTheQuery() throws Exception {
        KalshiCredentials key = KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs1"));
        try (FakeKalshi fake = new FakeKalshi()) {
            fake.feeChange("INXD", "f1", "quadratic", "0.5", 0);
            KalshiRest rest = new KalshiRest(new KalshiHttp(fake.base(), new RateLimiter(100), RetryPolicy.DEFAULT,
                    (method, path) -> key.headers(method, path, System.currentTimeMillis())));
            rest.cutoff();
            assertThat(rest.feeChanges("INXD")).hasSize(1);
            SignatureVerifier verifier = SignatureVerifier.ofTestKey();
            assertThat(fake.requests).hasSize(2).allSatisfy(r -> {
                assertThat(verifier.verify(r.key(), r.timestamp(), r.signature(), "GET",
                        FakeKalshi.BASE + r.path())).as(r.path()).isTrue();
            });
            assertThat(fake.requests.get(1).query()).contains("series_ticker=INXD");
        }
    }

    @Test
    void withoutAKeyNoAccessHeadersAreSent() throws Exception {
        try (FakeKalshi fake = new FakeKalshi()) {
            new KalshiRest(new KalshiHttp(fake.base(), new RateLimiter(100), RetryPolicy.DEFAULT,
                    RequestHeaders.NONE)).cutoff();
            assertThat(fake.requests).singleElement().satisfies(r -> {
                assertThat(r.key()).isNull();
                assertThat(r.signature()).isNull();
            });
        }
    }
}
