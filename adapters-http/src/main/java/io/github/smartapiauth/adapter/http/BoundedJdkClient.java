package io.github.smartapiauth.adapter.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Feign client on the JDK's HTTP client whose read timeout bounds the whole answer, body
 * included. (The JDK's own request timeout stops at the headers, so a server that stalls
 * mid-body would hold a renewal, and every caller waiting on it, for as long as it likes.)
 */
final class BoundedJdkClient implements Client {

    /** Headers the JDK sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final HttpClient http;
    private final Duration readTimeout;

    BoundedJdkClient(HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = answer.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + readTimeout);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IOException("the request failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
        }
        return Response.builder()
                .status(response.statusCode())
                .reason("")
                .headers(Map.copyOf(response.headers().map()))
                .body(response.body())
                .request(request)
                .build();
    }

    private HttpRequest toJdk(Request request) {
        HttpRequest.BodyPublisher body = request.body() == null || request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout)
                .method(request.httpMethod().name(), body);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }

}
