package io.github.smartapiauth.adapter.http;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log over SLF4J, with secrets masked at every level: request and status lines at
 * DEBUG; headers and bodies at TRACE, with {@code X-PrivateKey} and {@code Authorization}
 * masked, login and refresh bodies (both ways) never printed, and token-like values masked in
 * the rest. Logger name: {@code io.github.smartapiauth.adapter.http.wire}.
 */
final class WireLogger extends feign.Logger {

    private final org.slf4j.Logger log = LoggerFactory.getLogger("io.github.smartapiauth.adapter.http.wire");

    @Override
    protected void logRequest(String configKey, Level level, Request request) {
        if (!log.isDebugEnabled()) {
            return;
        }
        log.debug("--> {} {}", request.httpMethod(), request.url());
        if (log.isTraceEnabled()) {
            logHeaders("-->", request.headers());
            log.trace("--> body: {}", describeBody(request.url(), request.body()));
        }
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level level, Response response, long elapsedTime)
            throws IOException {
        if (!log.isDebugEnabled()) {
            return response;
        }
        log.debug("<-- {} {} ({} ms)", response.status(), response.request().url(), elapsedTime);
        if (!log.isTraceEnabled()) {
            return response;
        }
        logHeaders("<--", response.headers());
        byte[] body = CappedBodyReader.read(response);
        log.trace("<-- body: {}", describeBody(response.request().url(), body));
        return response.toBuilder().body(body).build();
    }

    @Override
    protected IOException logIOException(String configKey, Level level, IOException ioe, long elapsedTime) {
        log.debug("<-- {} failed after {} ms: {}", configKey, elapsedTime, ioe.getClass().getSimpleName());
        return ioe;
    }

    @Override
    protected void logRetry(String configKey, Level level) {
        log.debug("--- retrying {}", configKey);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        // Every line is written by the overrides above; Feign's generic lines could carry headers.
    }

    private void logHeaders(String direction, Map<String, Collection<String>> headers) {
        headers.forEach((name, values) -> log.trace("{} {}: {}", direction, name,
                WireLogRedactor.isSecretHeader(name) ? WireLogRedactor.MASK : String.join(", ", values)));
    }

    private static String describeBody(String url, byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty)";
        }
        if (WireLogRedactor.bodiesAreSecret(url)) {
            return "(" + body.length + " bytes, not shown: it carries credentials or tokens)";
        }
        return WireLogRedactor.maskBody(new String(body, StandardCharsets.UTF_8));
    }
}
