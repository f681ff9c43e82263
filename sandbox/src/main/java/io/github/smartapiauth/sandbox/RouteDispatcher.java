package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every route shares, in the order the real gateway makes them: JSON content type
 * (415), a parseable body (400), the rate limit (403), the API key (AG8004), the user type
 * (AB1005); then the route's own endpoint.
 */
final class RouteDispatcher {

    private static final String JSON_TYPE = "application/json";

    private final ObjectMapper mapper;
    private final ObjectReader strictReader;
    private final Replies replies;
    private final AccountDirectory accounts;
    private final RateLimits rateLimits; // null when switched off
    private final Map<Route, Endpoint> endpoints;

    RouteDispatcher(ObjectMapper mapper, Replies replies, AccountDirectory accounts, RateLimits rateLimits,
                    Map<Route, Endpoint> endpoints) {
        this.mapper = mapper;
        // One JSON value and nothing after it but whitespace, as the real gateway insists.
        this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.replies = replies;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.endpoints = new EnumMap<>(endpoints);
    }

    Reply dispatch(Route route, RequestHeaders headers, byte[] body) {
        if (!isJson(headers.first("Content-Type"))) {
            return replies.unsupportedMediaType();
        }
        JsonNode json = parse(route, body);
        if (json == null) {
            return replies.badRequest();
        }
        IncomingRequest request = new IncomingRequest(route, headers, json);
        AccountState app = accounts.byApiKey(request.header("X-PrivateKey"));
        if (rateLimits != null && !rateLimits.tryAcquire(rateKey(request, app), route)) {
            return replies.rateLimited();
        }
        if (app == null) {
            return replies.error(ErrorCode.AG8004);
        }
        if (!"USER".equals(request.header("X-UserType"))) {
            return replies.error(ErrorCode.AB1005);
        }
        return endpoints.get(route).handle(request, app);
    }

    /** Limits are per account: the client code logging in, else the account of the API key. */
    private String rateKey(IncomingRequest request, AccountState app) {
        String clientCode = request.route() == Route.LOGIN ? request.field("clientcode") : null;
        if (clientCode != null && !clientCode.isBlank()) {
            return "client:" + AccountDirectory.normalise(clientCode);
        }
        return app != null ? "client:" + AccountDirectory.normalise(app.clientCode())
                : "key:" + request.header("X-PrivateKey");
    }

    private JsonNode parse(Route route, byte[] body) {
        if ("GET".equals(route.method()) || isBlank(body)) {
            // Bodies on GET are accepted and ignored, as the SDKs send them.
            return mapper.createObjectNode();
        }
        try {
            JsonNode json = strictReader.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null; // the parser's message quotes the body, which may hold secrets: drop it
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals(JSON_TYPE);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
