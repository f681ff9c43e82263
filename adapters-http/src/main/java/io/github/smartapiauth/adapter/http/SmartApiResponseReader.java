package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads whatever SmartAPI answered (status and body) into the envelope's {@code data} or one of
 * the domain's errors: both JSON error dialects (usually with HTTP 200), the
 * plain-text 403 of the rate limiter, the firewall's HTML page, empty bodies and 5xx.
 */
final class SmartApiResponseReader {

    private static final Duration RATE_LIMIT_RESET = Duration.ofSeconds(1);

    private final ObjectMapper json;

    SmartApiResponseReader(ObjectMapper json) {
        this.json = json;
    }

    /** The envelope's {@code data} (possibly {@link NullNode}) of a successful answer. */
    JsonNode dataOf(String route, int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        SmartApiAuthException problem = problemWithoutJson(route, status, text);
        if (problem != null) {
            throw problem;
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(text);
        } catch (JsonProcessingException e) {
            if (status / 100 == 3 || status / 100 == 4) {
                throw new UnexpectedResponseException("SmartAPI answered " + route + " with HTTP " + status
                        + " and a body that is not JSON; check the base URL (SMARTAPI_BASE_URL)");
            }
            throw new BrokerUnavailableException("SmartAPI answered " + route + " with malformed JSON (HTTP " + status
                    + "); this is usually a transient fault on its side, retry later");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new UnexpectedResponseException("SmartAPI answered " + route + " with JSON that is not an envelope"
                    + " object (HTTP " + status + "); check the base URL (SMARTAPI_BASE_URL)");
        }
        boolean ok = envelope.path("status").asBoolean(false) || envelope.path("success").asBoolean(false);
        String code = text(envelope, "errorcode", "errorCode");
        String message = text(envelope, "message");
        if (ok && status / 100 == 2 && code.isEmpty()) {
            JsonNode data = envelope.get("data");
            return data == null ? NullNode.getInstance() : data;
        }
        throw ErrorCodeTranslator.toException(route, code, message, status);
    }

    /** A problem recognisable without parsing JSON, or null when the body should be JSON. */
    private static SmartApiAuthException problemWithoutJson(String route, int status, String text) {
        if (status == 403 && text.toLowerCase(Locale.ROOT).contains("exceeding access rate")) {
            return new RateLimitedException("SmartAPI refused " + route + " for exceeding its per-second rate limit"
                    + " (HTTP 403); calls are paced client-side, so another client may share this account", RATE_LIMIT_RESET);
        }
        if (text.isEmpty()) {
            return status / 100 == 4 && status != 429
                    ? new UnexpectedResponseException("SmartAPI answered " + route + " with HTTP " + status
                            + " and an empty body; the request was refused, check the API key and settings")
                    : new BrokerUnavailableException("SmartAPI answered " + route + " with HTTP " + status
                            + " and an empty body; retry later");
        }
        if (text.startsWith("<")) {
            return new BrokerUnavailableException("SmartAPI's web firewall rejected " + route + " with an HTML page (HTTP "
                    + status + "); this is usually temporary. If it persists, check the client IP and MAC headers");
        }
        if (status == 415) {
            return new UnexpectedResponseException("SmartAPI refused the content type of " + route
                    + " (HTTP 415); this is a bug in smartapi-auth, please report it");
        }
        if (status == 429) {
            return new RateLimitedException("SmartAPI refused " + route + " for exceeding its rate limit (HTTP 429)",
                    RATE_LIMIT_RESET);
        }
        if (status >= 500) {
            return new BrokerUnavailableException("SmartAPI failed on its side answering " + route + " (HTTP " + status
                    + "); retry later");
        }
        return null;
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return "";
    }
}
