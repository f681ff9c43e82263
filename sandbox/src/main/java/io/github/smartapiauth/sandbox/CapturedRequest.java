package io.github.smartapiauth.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as the sandbox received it, for tests that check what a client sent. The
 * accessors return everything as received; {@link #toString()} masks the API key, the
 * bearer token and the secret body fields (password, totp, tokens).
 *
 * @param headers header names compare case-insensitively
 * @param query   the raw query string, or {@code ""}
 */
public record CapturedRequest(Route route, String method, String path, String query,
                              Map<String, List<String>> headers, String body, Instant receivedAt) {

    private static final String MASK = "****";
    private static final Set<String> SECRET_HEADERS = Set.of(
            "x-privatekey", "authorization", "x-api-key", "x-feed-token", "cookie");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"(?:password|totp|mpin|pin|refreshToken|jwtToken|feedToken|accessToken)\"\\s*:\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]*");

    public CapturedRequest {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Objects.requireNonNullElse(query, "");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = Objects.requireNonNullElse(body, "");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The headers with the secret ones masked, as printed. */
    Map<String, String> maskedHeaders() {
        Map<String, String> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> masked.put(name,
                SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? MASK : maskTokens(String.join(",", values))));
        return masked;
    }

    /** The query with tokens masked, as printed. */
    String maskedQuery() {
        return maskTokens(query);
    }

    /** The printed form, on one line (line breaks in a body become spaces). */
    @Override
    public String toString() {
        return printed().replaceAll("[\\r\\n\\t]+", " ");
    }

    private String printed() {
        StringBuilder text = new StringBuilder("CapturedRequest[").append(route).append(' ')
                .append(method).append(' ').append(path);
        if (!query.isEmpty()) {
            text.append('?').append(maskTokens(query));
        }
        text.append(", headers={");
        String separator = "";
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            text.append(separator).append(header.getKey()).append('=');
            text.append(SECRET_HEADERS.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))
                    ? MASK : maskTokens(String.join(",", header.getValue())));
            separator = ", ";
        }
        return text.append("}, body=").append(maskedBody()).append(", receivedAt=").append(receivedAt)
                .append(']').toString();
    }

    /** The body with secret fields and tokens masked; nothing of a body that is not a JSON object. */
    String maskedBody() {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return "\"\"";
        }
        if (!trimmed.startsWith("{")) {
            // Not a JSON object: nothing tells where a secret would be, so print none of it.
            return "<" + body.length() + " chars>";
        }
        Matcher fields = SECRET_FIELD.matcher(trimmed);
        return maskTokens(fields.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"" + MASK + "\"")));
    }

    private static String maskTokens(String text) {
        return JWT_LIKE.matcher(text).replaceAll(MASK);
    }
}
