package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Request;
import feign.Response;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.in.ReportRejectedTokenUseCase;
import io.github.smartapiauth.domain.token.AccessToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Wraps a platform's Feign {@link Client}: when SmartAPI refuses the bearer token (AG8001,
 * AG8002 or AG8003, which come with HTTP 200), it reports the token as rejected (at most one
 * renewal follows per token value, however many calls report it), waits for a valid token and
 * sends the call once more with it. Any other answer passes through untouched.
 */
public final class TokenRenewingClient implements Client {

    private static final Set<String> TOKEN_REJECTED = Set.of("AG8001", "AG8002", "AG8003");
    private static final int MAX_INSPECTED_BYTES = 64 * 1024;
    /** What every token-rejection code starts with, as the body's bytes carry it. */
    private static final String REJECTION_PREFIX = "AG800";

    private final Client delegate;
    private final AccountTokens tokens;
    private final ReportRejectedTokenUseCase rejections;
    private final ObjectMapper json = new ObjectMapper();

    public TokenRenewingClient(Client delegate, AccountTokens tokens, ReportRejectedTokenUseCase rejections) {
        this.delegate = Objects.requireNonNull(delegate, "delegate client is required");
        this.tokens = Objects.requireNonNull(tokens, "tokens are required");
        this.rejections = Objects.requireNonNull(rejections, "rejections are required");
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = delegate.execute(request, options);
        if (!mayBeTokenRejection(response)) {
            return response;
        }
        InputStream stream = response.body().asInputStream();
        byte[] head = stream.readNBytes(MAX_INSPECTED_BYTES + 1);
        if (head.length > MAX_INSPECTED_BYTES) {
            // Too large for a rejection envelope: hand the whole body on, unread past what was peeked.
            return response.toBuilder().body(new SequenceInputStream(new ByteArrayInputStream(head), stream),
                    response.body().length()).build();
        }
        stream.close();
        Response rebuffered = response.toBuilder().body(head).build();
        if (!isTokenRejection(head)) {
            return rebuffered;
        }
        AccessToken sent = sentToken(request);
        if (sent == null) {
            return rebuffered;
        }
        rejections.reportRejected(new RejectedTokenReport(tokens.account(), sent));
        String fresh = tokens.accessToken().value();
        return delegate.execute(withBearer(request, fresh), options);
    }

    private static boolean mayBeTokenRejection(Response response) {
        Integer length = response.body() == null ? null : response.body().length();
        return response.body() != null && (length == null || length <= MAX_INSPECTED_BYTES)
                && (response.status() == 200 || response.status() == 401 || response.status() == 403);
    }

    /** The token the refused request carried, or null when it carried none we could have issued. */
    private static AccessToken sentToken(Request request) {
        String bearer = bearerOf(request);
        if (bearer == null || bearer.isEmpty()) {
            return null;
        }
        try {
            return AccessToken.withoutExpiry(bearer);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    /**
     * Whether the body is SmartAPI's envelope with a token-rejection code. Every call's answer passes
     * here, so a body without the codes' common prefix {@code AG800} is let through without parsing it
     * (a byte scan costs a fraction of building a JSON tree; see docs/benchmarks.md).
     */
    private boolean isTokenRejection(byte[] body) {
        if (body.length == 0 || body.length > MAX_INSPECTED_BYTES || !mentionsRejectionCode(body)) {
            return false;
        }
        try {
            JsonNode envelope = json.readTree(body);
            if (envelope == null || !envelope.isObject()) {
                return false;
            }
            JsonNode code = envelope.has("errorCode") ? envelope.get("errorCode") : envelope.get("errorcode");
            return code != null && TOKEN_REJECTED.contains(code.asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    /** A byte search through the JDK's intrinsic (a Latin-1 view of the bytes is a plain copy). */
    private static boolean mentionsRejectionCode(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1).contains(REJECTION_PREFIX);
    }

    private static String bearerOf(Request request) {
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(AuthHeaderNames.AUTHORIZATION)) {
                for (String value : header.getValue()) {
                    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        return value.substring(7).trim();
                    }
                }
            }
        }
        return null;
    }

    private static Request withBearer(Request request, String token) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(AuthHeaderNames.AUTHORIZATION)) {
                headers.put(name, values);
            }
        });
        headers.put(AuthHeaderNames.AUTHORIZATION, List.of("Bearer " + token));
        return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
                request.requestTemplate());
    }

    @Override
    public String toString() {
        return "TokenRenewingClient[" + tokens.account() + "]";
    }
}
