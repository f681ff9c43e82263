package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** A plain {@link HttpClient} speaking SmartAPI to the sandbox, with the headers the SDKs send. */
final class SandboxHttp {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Clock clock;

    SandboxHttp(URI base, Clock clock) {
        this.base = base;
        this.clock = clock;
    }

    /** A request with every header the SDKs send; X-PrivateKey from {@code apiKey} when not null. */
    HttpRequest.Builder request(Route route, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + route.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-UserType", "USER")
                .header("X-SourceID", "WEB")
                .header("X-ClientLocalIP", "127.0.0.1")
                .header("X-ClientPublicIP", "127.0.0.1")
                .header("X-MACAddress", "00:00:00:00:00:00");
        if (apiKey != null) {
            builder.header("X-PrivateKey", apiKey);
        }
        return builder;
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(Route route, String apiKey, String bearer, String body) {
        HttpRequest.Builder builder = request(route, apiKey).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    Response get(Route route, String apiKey, String bearer) {
        HttpRequest.Builder builder = request(route, apiKey).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    String loginBody(String clientCode, String password, String totp) {
        return "{\"clientcode\":\"" + clientCode + "\",\"password\":\"" + password + "\",\"totp\":\"" + totp + "\"}";
    }

    /** The current TOTP code of {@code account} at the clock's instant, offset by {@code steps}. */
    String totp(SandboxAccount account, int steps) {
        return RfcTotp.code(account.totpSecret(), clock.instant().getEpochSecond() + 30L * steps);
    }

    Response login(SandboxAccount account) {
        return post(Route.LOGIN, account.apiKey(), null, loginBody(account.clientCode(), account.mpin(), totp(account, 0)));
    }

    Response refresh(SandboxAccount account, Tokens tokens) {
        return post(Route.GENERATE_TOKENS, account.apiKey(), tokens.jwt(),
                "{\"refreshToken\":\"" + tokens.refresh() + "\"}");
    }

    /** Logs in and reads the three tokens; fails the test when the login fails. */
    Tokens loggedIn(SandboxAccount account) {
        Response response = login(account);
        return Tokens.of(response);
    }

    JsonNode decodeClaims(String jwt) {
        return decodePart(jwt, 1);
    }

    JsonNode decodeHeader(String jwt) {
        return decodePart(jwt, 0);
    }

    private JsonNode decodePart(String jwt, int index) {
        try {
            return mapper.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as received. */
    record Response(int status, String contentType, String body, ObjectMapper mapper) {

        JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String errorCode() {
            JsonNode json = json();
            return json.has("errorcode") ? json.get("errorcode").asText() : json.path("errorCode").asText();
        }
    }

    /** The three tokens of a successful login or refresh. */
    record Tokens(String jwt, String refresh, String feed) {

        static Tokens of(Response response) {
            JsonNode data = response.json().path("data");
            if (!response.json().path("status").asBoolean()) {
                throw new AssertionError("call failed: " + response.body());
            }
            return new Tokens(data.get("jwtToken").asText(), data.get("refreshToken").asText(),
                    data.get("feedToken").asText());
        }
    }
}
