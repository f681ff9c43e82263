package io.github.smartapiauth.adapter.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Masks secrets in what the wire log prints. */
final class WireLogRedactor {

    static final String MASK = "***";
    private static final Set<String> SECRET_HEADERS = Set.of("x-privatekey", "authorization", "x-feed-token", "x-api-key",
            "cookie", "set-cookie");
    private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
            "(\"[^\"]*(?i:token|password|totp|secret|key|jwt|pin|otp)[^\"]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]*");

    private WireLogRedactor() {
    }

    static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A body with every secret-named JSON field and every JWT-shaped string masked. */
    static String maskBody(String body) {
        String fields = SECRET_JSON_FIELD.matcher(body).replaceAll("$1\"" + MASK + "\"");
        return JWT.matcher(fields).replaceAll(MASK);
    }

    /** Whether a route's bodies carry credentials or tokens, so that they are never printed at all. */
    static boolean bodiesAreSecret(String url) {
        return url.contains(SessionRoutes.LOGIN) || url.contains(SessionRoutes.REFRESH);
    }
}
