package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.sandbox.SandboxAccount;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The baseline client: the JDK's HttpClient sending the very request the library sends (same
 * route, headers and body), reading the answer as bytes, checking only the status code.
 */
final class RawCalls {

    static final String LOGIN = "/rest/auth/angelbroking/user/v1/loginByPassword";
    static final String REFRESH = "/rest/auth/angelbroking/jwt/v1/generateTokens";
    static final String PROFILE = "/rest/secure/angelbroking/user/v1/getProfile";

    private final HttpClient client;
    private final URI base;

    /** The JDK client as the HTTP adapter builds it (default executor). */
    RawCalls(URI base) {
        this(base, HttpClient.newBuilder());
    }

    RawCalls(URI base, HttpClient.Builder builder) {
        this.base = base;
        this.client = builder.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    byte[] login(SandboxAccount account, String code) {
        String body = "{\"clientcode\":\"" + account.clientCode() + "\",\"password\":\"" + account.mpin()
                + "\",\"totp\":\"" + code + "\"}";
        return send(request(LOGIN, account.apiKey(), null).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    byte[] refresh(SandboxAccount account, String jwt, String refreshToken) {
        String body = "{\"refreshToken\":\"" + refreshToken + "\"}";
        return send(request(REFRESH, account.apiKey(), jwt).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The refresh with the body read through {@code BodyHandlers.ofInputStream()}, as Feign's JDK client reads it. */
    byte[] refreshStreamingBody(SandboxAccount account, String jwt, String refreshToken) {
        String body = "{\"refreshToken\":\"" + refreshToken + "\"}";
        HttpRequest request = request(REFRESH, account.apiKey(), jwt).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readAllBytes();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the sandbox answered HTTP " + response.statusCode());
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    byte[] profile(SandboxAccount account, String jwt) {
        return send(request(PROFILE, account.apiKey(), jwt).GET().build());
    }

    /**
     * getProfile with the JDK's older, blocking {@code HttpURLConnection} (keep-alive, connections
     * pooled per thread by the JDK): far fewer thread hand-offs per call than {@code HttpClient}.
     */
    int profileByUrlConnection(SandboxAccount account, String jwt) {
        try {
            HttpURLConnection connection = (HttpURLConnection) base.resolve(PROFILE).toURL().openConnection();
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("X-UserType", "USER");
            connection.setRequestProperty("X-SourceID", "WEB");
            connection.setRequestProperty("X-ClientLocalIP", "127.0.0.1");
            connection.setRequestProperty("X-ClientPublicIP", "127.0.0.1");
            connection.setRequestProperty("X-MACAddress", "00:00:00:00:00:00");
            connection.setRequestProperty("X-PrivateKey", account.apiKey());
            connection.setRequestProperty("Authorization", "Bearer " + jwt);
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status != 200) {
                throw new IllegalStateException("the sandbox answered HTTP " + status + " to getProfile");
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String route, String apiKey, String jwt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(route))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-UserType", "USER")
                .header("X-SourceID", "WEB")
                .header("X-ClientLocalIP", "127.0.0.1")
                .header("X-ClientPublicIP", "127.0.0.1")
                .header("X-MACAddress", "00:00:00:00:00:00")
                .header("X-PrivateKey", apiKey);
        if (jwt != null) {
            builder.header("Authorization", "Bearer " + jwt);
        }
        return builder;
    }

    private byte[] send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the sandbox answered HTTP " + response.statusCode() + " to "
                        + request.uri().getPath());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether an answer is SmartAPI's success envelope (for checks outside the measured loop). */
    static boolean succeeded(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8).contains("\"status\":true");
    }
}
