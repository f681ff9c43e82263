package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the envelope's {@code data} into domain values, tolerating unknown fields and old names. */
final class TokenAndProfileReader {

    private static final DateTimeFormatter LAST_LOGIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JwtClaimsReader claims;

    TokenAndProfileReader(JwtClaimsReader claims) {
        this.claims = claims;
    }

    TokenSet tokens(String route, JsonNode data) {
        String jwt = withoutBearer(required(route, data, "jwtToken"));
        try {
            AccessToken access = claims.expiry(jwt)
                    .map(exp -> AccessToken.of(jwt, exp))
                    .orElseGet(() -> AccessToken.withoutExpiry(jwt));
            return new TokenSet(access, RefreshToken.of(required(route, data, "refreshToken")),
                    FeedToken.of(required(route, data, "feedToken")));
        } catch (IllegalArgumentException malformed) {
            // The value objects' messages describe the problem without the token itself.
            throw new UnexpectedResponseException("SmartAPI's answer to " + route + " holds a malformed token: "
                    + malformed.getMessage());
        }
    }

    Profile profile(JsonNode data) {
        String code = required("getProfile", data, "clientcode");
        String broker = text(data, "brokerid").isEmpty() ? text(data, "broker") : text(data, "brokerid");
        try {
            return new Profile(ClientCode.of(code), text(data, "name"), text(data, "email"), text(data, "mobileno"),
                    list(data.get("exchanges")), list(data.get("products")), lastLogin(text(data, "lastlogintime")), broker);
        } catch (IllegalArgumentException malformed) {
            throw new UnexpectedResponseException("SmartAPI's profile answer is malformed: " + malformed.getMessage());
        }
    }

    private static String required(String route, JsonNode data, String field) {
        String value = data == null ? "" : text(data, field);
        if (value.isEmpty()) {
            throw new UnexpectedResponseException("SmartAPI's answer to " + route + " lacks the " + field + " field");
        }
        return value;
    }

    /** Some clients and proxies hand the token back with its scheme; the header adds it again. */
    private static String withoutBearer(String jwt) {
        return jwt.regionMatches(true, 0, "Bearer ", 0, 7) ? jwt.substring(7).trim() : jwt;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText().trim();
    }

    private static List<String> list(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (node.isTextual()) {
            for (String part : node.asText().replaceAll("[\\[\\]\"]", "").split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static Optional<LocalDateTime> lastLogin(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, LAST_LOGIN));
        } catch (DateTimeParseException unknownFormat) {
            return Optional.empty();
        }
    }
}
