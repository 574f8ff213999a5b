package org.galley.registry.server;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One call to the registry's REST API: method, decoded path segments, query parameters and body. */
record ApiRequest(String method, List<String> path, Map<String, String> query, byte[] body) {

    ApiRequest {
        path = List.copyOf(path);
        query = Map.copyOf(query);
    }

    static ApiRequest of(String method, URI uri, byte[] body) {
        return new ApiRequest(method, segments(uri.getRawPath()), parameters(uri.getRawQuery()), body);
    }

    /** Path segments, each percent-decoded, so a subject may contain '/', '+' or spaces. */
    static List<String> segments(String rawPath) {
        String trimmed = rawPath == null ? "" : rawPath.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(trimmed.split("/")).map(ApiRequest::decode).toList();
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.putIfAbsent(decode(name), decode(value));
            }
        }
        return parameters;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    private static String decode(String raw) {
        // In a path '+' is a plus sign, not a space.
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
