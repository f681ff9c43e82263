package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads claims from a JWT's payload without checking its signature: the client cannot verify
 * SmartAPI's tokens and does not need to; it only wants {@code exp}, for the access token's
 * expiry. (Pacing never reads a claim: it goes by the client code of the calling account.)
 */
final class JwtClaimsReader {

    private static final int MAX_PAYLOAD_CHARS = 8192;

    private final ObjectMapper json;

    JwtClaimsReader(ObjectMapper json) {
        this.json = json;
    }

    Optional<Instant> expiry(String jwt) {
        return payload(jwt).map(claims -> claims.get("exp"))
                .filter(exp -> exp != null && exp.canConvertToLong() && exp.asLong() > 0)
                .map(exp -> Instant.ofEpochSecond(exp.asLong()));
    }

    private Optional<JsonNode> payload(String jwt) {
        int first = jwt.indexOf('.');
        int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
        if (second < 0 || second - first - 1 > MAX_PAYLOAD_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(jwt.substring(first + 1, second));
            JsonNode claims = json.readTree(decoded);
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | IOException unreadable) {
            return Optional.empty();
        }
    }
}
