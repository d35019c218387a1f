package io.kbt.kalshi.rest;

import java.util.Map;

/**
 * Extra headers for one request, given its method and path (from {@code /trade-api/...}, no query string): the
 * three {@code KALSHI-ACCESS-*} headers of an API key, or none. Public market data needs no key.
 */
@FunctionalInterface
public interface RequestHeaders {
    RequestHeaders NONE = (method, path) -> Map.of();

    Map<String, String> headers(String method, String path);
}
