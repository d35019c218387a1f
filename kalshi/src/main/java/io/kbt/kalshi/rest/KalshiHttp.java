package io.kbt.kalshi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.feeds.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * GETs JSON from Kalshi's REST API through the JDK client: every request waits for the {@link RateLimiter},
 * carries the {@link RequestHeaders}, and is retried per {@link RetryPolicy} on 429, 5xx, a dropped connection or
 * a malformed body. A 4xx other than 429 is the request's fault: {@link BadInputException} naming the URL and
 * Kalshi's message, at once. Retries exhausted: {@link KalshiUnavailableException}.
 */
public final class KalshiHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final RequestHeaders headers;
    private final FetchStats stats = new FetchStats();

    public KalshiHttp(URI base, RateLimiter limiter, RetryPolicy retry, RequestHeaders headers) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.limiter = limiter;
        this.retry = retry;
        this.headers = headers;
    }

    public FetchStats stats() {
        return stats;
    }

    /** GET {@code path} (below the base, e.g. {@code /markets}) with {@code query}; the body must pass {@code valid}. */
    public JsonNode get(String path, Map<String, String> query, Predicate<JsonNode> valid) {
        return get(path, query, valid, false);
    }

    /** As {@link #get(String, Map, Predicate)}, but {@code null} when Kalshi answers 404 (e.g. the other tier). */
    public JsonNode getUnlessNotFound(String path, Map<String, String> query, Predicate<JsonNode> valid) {
        return get(path, query, valid, true);
    }

    private JsonNode get(String path, Map<String, String> query, Predicate<JsonNode> valid, boolean nullOn404) {
        URI uri = URI.create(base + path + queryString(query));
        int failures = 0;
        int malformed = 0;
        while (true) {
            Duration wait;
            try {
                limiter.acquire();
                stats.requests.incrementAndGet();
                HttpResponse<String> response;
                try {
                    response = client.send(request(uri), HttpResponse.BodyHandlers.ofString());
                } finally {
                    limiter.answered();
                }
                int status = response.statusCode();
                if (status == 200) {
                    JsonNode body = parse(response.body());
                    if (body != null && valid.test(body)) {
                        return body;
                    }
                    stats.malformed.incrementAndGet();
                    if (++malformed >= retry.malformedAttempts()) {
                        throw new BadInputException(uri.toString(), 0,
                                "Kalshi answered with a malformed page " + malformed + " times: " + excerpt(response.body()));
                    }
                    wait = retry.backoff(malformed);
                } else if (status == 429) {
                    stats.throttled.incrementAndGet();
                    wait = retryAfter(response).orElse(retry.backoff(failures + 1));
                    failures = failed(uri, failures, "429 Too Many Requests");
                } else if (status >= 500) {
                    stats.serverErrors.incrementAndGet();
                    wait = retry.backoff(failures + 1);
                    failures = failed(uri, failures, "HTTP " + status);
                } else if (status == 404 && nullOn404) {
                    return null;
                } else {
                    throw new BadInputException(uri.toString(), 0,
                            "Kalshi rejected the request (HTTP " + status + "): " + excerpt(response.body()));
                }
            } catch (IOException e) {
                stats.dropped.incrementAndGet();
                wait = retry.backoff(failures + 1);
                failures = failed(uri, failures, "connection failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KalshiUnavailableException(uri + ": interrupted", e);
            }
            sleep(wait, uri);
        }
    }

    private int failed(URI uri, int failures, String why) {
        int n = failures + 1;
        if (n >= retry.maxAttempts()) {
            throw new KalshiUnavailableException(uri + ": gave up after " + n + " attempts, last: " + why, null);
        }
        return n;
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "application/json");
        headers.headers("GET", uri.getRawPath()).forEach(builder::header);
        return builder.build();
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void sleep(Duration wait, URI uri) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiUnavailableException(uri + ": interrupted", e);
        }
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
