package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.kalshi.auth.KalshiCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds markets over REST: the open markets of a series ({@code GET /markets?series_ticker=&status=open}, every
 * page) and one market by ticker ({@code GET /markets/{ticker}}), signed when a key is given. The market objects
 * are kept as Kalshi sent them: they become the recording's markets file.
 */
final class MarketDiscovery {
    private final HttpClient client;
    private final URI base;
    private final KalshiCredentials credentials;
    private final ObjectMapper mapper;
    private final Clock clock;

    MarketDiscovery(HttpClient client, URI base, KalshiCredentials credentials, ObjectMapper mapper, Clock clock) {
        this.client = client;
        this.base = base;
        this.credentials = credentials;
        this.mapper = mapper;
        this.clock = clock;
    }

    List<ObjectNode> openMarkets(String series) {
        List<ObjectNode> markets = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = get("/markets?series_ticker=" + encode(series) + "&status=open&limit=1000"
                    + (cursor.isEmpty() ? "" : "&cursor=" + encode(cursor)));
            for (JsonNode market : page.path("markets")) {
                if (market instanceof ObjectNode object) {
                    markets.add(object);
                }
            }
            cursor = page.path("cursor").asText("");
        } while (!cursor.isEmpty());
        return markets;
    }

    Optional<ObjectNode> market(String ticker) {
        JsonNode answer = get("/markets/" + encode(ticker));
        return answer.path("market") instanceof ObjectNode market ? Optional.of(market) : Optional.empty();
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (credentials != null) {
            credentials.headers("GET", uri.getRawPath(), clock.millis()).forEach(request::header);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new AuthenticationRefusedException("the exchange refused the API key (HTTP " + status + " on GET "
                        + uri.getRawPath() + ")");
            }
            if (status == 404) {
                return mapper.createObjectNode();
            }
            if (status != 200) {
                throw new IllegalStateException("GET " + uri + " answered HTTP " + status);
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
