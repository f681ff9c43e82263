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
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.net.http.HttpClient;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SmartAPI session endpoints over HTTP (Feign on the JDK's HTTP client, Jackson for JSON).
 * Every failure comes out as one of the domain's errors; nothing is retried here (the core
 * decides, and a TOTP code is one-time). Calls are paced to SmartAPI's per-account limits.
 * Building one does no network I/O.
 */
public final class SmartApiHttpClient implements AuthenticationPort, ProfilePort {

    private static final int LOGIN_PER_SECOND = 1;
    private static final int REFRESH_PER_SECOND = 1;
    private static final int PROFILE_PER_SECOND = 3;
    private static final int LOGOUT_PER_SECOND = 1;

    private final HttpSettings settings;
    private final SessionApi api;
    private final CallFailureTranslator failures;
    private final TokenAndProfileReader reader;
    private final JwtClaimsReader claims;
    private final RateLimitPacer pacer;

    public SmartApiHttpClient(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings are required");
        ObjectMapper json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        this.claims = new JwtClaimsReader(json);
        this.reader = new TokenAndProfileReader(claims);
        this.failures = new CallFailureTranslator(settings);
        this.pacer = new RateLimitPacer();
        EnvelopeDecoder decoder = new EnvelopeDecoder(new SmartApiResponseReader(json));
        Map<String, String> standardHeaders = Collections.unmodifiableMap(settings.standardHeaders());
        HttpClient jdkClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.api = Feign.builder()
                .client(new BoundedJdkClient(jdkClient, settings.readTimeout()))
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
        ClientCode account = credentials.clientCode();
        pace("loginByPassword", account::value, LOGIN_PER_SECOND);
        SessionApi.LoginBody body = new SessionApi.LoginBody(account.value(), credentials.pin().reveal(), code.reveal());
        JsonNode data = failures.call("loginByPassword", () -> api.login(credentials.apiKey().reveal(), body));
        return reader.tokens("loginByPassword", data);
    }

    @Override
    public TokenSet refresh(ApiKey apiKey, TokenSet current) {
        String jwt = current.accessToken().value();
        pace("generateTokens", () -> accountOf(jwt), REFRESH_PER_SECOND);
        SessionApi.RefreshBody body = new SessionApi.RefreshBody(current.refreshToken().value());
        JsonNode data = failures.call("generateTokens", () -> api.refresh(apiKey.reveal(), jwt, body));
        return reader.tokens("generateTokens", data);
    }

    @Override
    public void logout(ApiKey apiKey, ClientCode clientCode, AccessToken accessToken) {
        pace("logout", clientCode::value, LOGOUT_PER_SECOND);
        failures.call("logout", () -> api.logout(apiKey.reveal(), accessToken.value(),
                new SessionApi.LogoutBody(clientCode.value())));
    }

    @Override
    public Profile profile(ApiKey apiKey, AccessToken accessToken) {
        String jwt = accessToken.value();
        pace("getProfile", () -> accountOf(jwt), PROFILE_PER_SECOND);
        return reader.profile(failures.call("getProfile", () -> api.profile(apiKey.reveal(), jwt)));
    }

    public HttpSettings settings() {
        return settings;
    }

    /** The account is read from the token only when pacing is on: decoding a JWT costs a JSON parse. */
    private void pace(String route, Supplier<String> account, int perSecond) {
        if (settings.pacing()) {
            pacer.awaitTurn(route, account.get(), perSecond);
        }
    }

    private String accountOf(String jwt) {
        return claims.username(jwt).orElse("?");
    }

    @Override
    public String toString() {
        return "SmartApiHttpClient[" + settings.baseUrl() + "]";
    }
}
