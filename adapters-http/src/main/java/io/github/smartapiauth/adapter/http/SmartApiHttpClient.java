package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SmartAPI session endpoints over HTTP (Feign on the JDK's HTTP client, Jackson for JSON).
 * Every failure comes out as one of the domain's errors; nothing is retried here (the core
 * decides, and a TOTP code is one-time). Calls are paced to SmartAPI's per-account limits,
 * which SmartAPI applies per user account: each route is paced per client code, taken from the
 * {@link Credentials} the caller passes (never from a token's claims), so no account waits for
 * another account's budget, whatever its tokens carry. Building one does no network I/O.
 *
 * <p>Its owner closes it: {@link #close()} stops the threads it started (the JDK HTTP client's
 * executor and the read-deadline timer) and lets go of the JDK HTTP client. Calls after that fail
 * with a {@link ConfigurationException}.
 */
public final class SmartApiHttpClient implements AuthenticationPort, ProfilePort, AutoCloseable {

    private static final int LOGIN_PER_SECOND = 1;
    private static final int REFRESH_PER_SECOND = 1;
    private static final int PROFILE_PER_SECOND = 3;
    private static final int LOGOUT_PER_SECOND = 1;

    private final HttpSettings settings;
    private final BoundedJdkClient transport;
    private volatile SessionApi api; // null once closed
    private final CallFailureTranslator failures;
    private final TokenAndProfileReader reader;
    private final RateLimitPacer pacer;
    private final MetricsPort metrics;

    public SmartApiHttpClient(HttpSettings settings) {
        this(settings, new RateLimitPacer(), MetricsPort.NONE);
    }

    /** Measuring each call (its route, outcome and duration) and each pacing wait with {@code metrics}. */
    public SmartApiHttpClient(HttpSettings settings, MetricsPort metrics) {
        this(settings, new RateLimitPacer(), metrics);
    }

    /** With a pacer of the test's (its own time source and sleeper). */
    SmartApiHttpClient(HttpSettings settings, RateLimitPacer pacer) {
        this(settings, pacer, MetricsPort.NONE);
    }

    private SmartApiHttpClient(HttpSettings settings, RateLimitPacer pacer, MetricsPort metrics) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings are required");
        ObjectMapper json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        this.reader = new TokenAndProfileReader(new JwtClaimsReader(json));
        this.failures = new CallFailureTranslator(settings);
        EnvelopeDecoder decoder = new EnvelopeDecoder(new SmartApiResponseReader(json));
        Map<String, String> standardHeaders = Collections.unmodifiableMap(settings.standardHeaders());
        this.transport = new BoundedJdkClient(settings);
        this.api = Feign.builder()
                .client(transport)
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .encoder(new JacksonEncoder(json))
                .decoder(decoder)
                .errorDecoder(decoder)
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(template -> standardHeaders.forEach(template::header))
                .logger(new WireLogger())
                .logLevel(Logger.Level.FULL)
                .target(SessionApi.class, settings.baseUrl().toString());
    }

    @Override
    public TokenSet login(Credentials credentials, TotpCode code) {
        SessionApi open = openApi();
        ClientCode account = credentials.clientCode();
        pace("loginByPassword", account, LOGIN_PER_SECOND);
        SessionApi.LoginBody body = new SessionApi.LoginBody(account.value(), credentials.pin().reveal(), code.reveal());
        JsonNode data = call("loginByPassword", account, () -> open.login(credentials.apiKey().reveal(), body));
        return reader.tokens("loginByPassword", data);
    }

    @Override
    public TokenSet refresh(Credentials account, TokenSet current) {
        SessionApi open = openApi();
        String jwt = current.accessToken().value();
        pace("generateTokens", account.clientCode(), REFRESH_PER_SECOND);
        SessionApi.RefreshBody body = new SessionApi.RefreshBody(current.refreshToken().value());
        JsonNode data = call("generateTokens", account.clientCode(), () -> open.refresh(account.apiKey().reveal(), jwt, body));
        return reader.tokens("generateTokens", data);
    }

    @Override
    public void logout(Credentials account, AccessToken accessToken) {
        SessionApi open = openApi();
        ClientCode clientCode = account.clientCode();
        pace("logout", clientCode, LOGOUT_PER_SECOND);
        call("logout", clientCode, () -> open.logout(account.apiKey().reveal(), accessToken.value(),
                new SessionApi.LogoutBody(clientCode.value())));
    }

    @Override
    public Profile profile(Credentials account, AccessToken accessToken) {
        SessionApi open = openApi();
        String jwt = accessToken.value();
        pace("getProfile", account.clientCode(), PROFILE_PER_SECOND);
        return reader.profile(call("getProfile", account.clientCode(), () -> open.profile(account.apiKey().reveal(), jwt)));
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Stops the threads this client started and lets go of its JDK HTTP client (JDK 17's has no
     * {@code close()}; its selector thread ends once it is collected). A call in flight fails with the
     * same error, at the latest after its read timeout; later calls fail at once with a
     * {@link ConfigurationException}. Calling it again does nothing.
     */
    @Override
    public void close() {
        api = null;
        transport.close();
    }

    private SessionApi openApi() {
        SessionApi current = api;
        if (current == null) {
            throw closedError(null);
        }
        return current;
    }

    /** A call cut short by {@link #close()} says so, instead of looking like a transient network failure. */
    private JsonNode call(String route, ClientCode account, Supplier<JsonNode> request) {
        long started = System.nanoTime();
        Outcome outcome = Outcome.OTHER;
        try {
            JsonNode data = failures.call(route, request);
            outcome = Outcome.SUCCESS;
            return data;
        } catch (SmartApiAuthException failure) {
            SmartApiAuthException told = api == null && failure.isTransient() ? closedError(failure) : failure;
            outcome = Outcome.of(told);
            throw told;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            try {
                metrics.upstreamCall(account, route, outcome, took);
            } catch (RuntimeException | LinkageError measuringFailed) {
                // Measuring is best effort; the call's own outcome stands.
            }
        }
    }

    private static ConfigurationException closedError(Throwable cause) {
        return new ConfigurationException("the SmartAPI HTTP client was closed; build a new one to call SmartAPI"
                + " again (closing it is its owner's last act)", null, cause);
    }

    /** SmartAPI's limits are per user account: each route is paced per client code of the calling account. */
    private void pace(String route, ClientCode account, int perSecond) {
        if (settings.pacing()) {
            long waited = pacer.awaitTurn(route, account.value(), perSecond);
            if (waited > 0) {
                try {
                    metrics.pacingWait(account, route, Duration.ofNanos(waited));
                } catch (RuntimeException | LinkageError measuringFailed) {
                    // Measuring is best effort.
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SmartApiHttpClient[" + settings.baseUrl() + "]";
    }
}
