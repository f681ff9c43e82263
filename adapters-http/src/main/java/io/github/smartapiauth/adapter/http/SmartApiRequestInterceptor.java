package io.github.smartapiauth.adapter.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.domain.credential.ApiKey;
import java.util.Map;
import java.util.Objects;

/**
 * For a platform's own Feign clients of other SmartAPI endpoints (orders, market data): adds
 * SmartAPI's headers and {@code Authorization: Bearer <current token>} from the session core
 * to every request. Pair it with {@link TokenRenewingClient} so that a call refused with
 * AG8001 is renewed and retried once.
 *
 * <pre>{@code
 * RmsApi rms = Feign.builder()
 *         .requestInterceptor(new SmartApiRequestInterceptor(tokens, apiKey, settings))
 *         .client(new TokenRenewingClient(new Http2Client(), tokens, sessions))
 *         .decoder(new JacksonDecoder())
 *         .target(RmsApi.class, settings.baseUrl().toString());
 * }</pre>
 */
public final class SmartApiRequestInterceptor implements RequestInterceptor {

    private final AccountTokens tokens;
    private final ApiKey apiKey;
    private final Map<String, String> headers;

    public SmartApiRequestInterceptor(AccountTokens tokens, ApiKey apiKey, HttpSettings settings) {
        this.tokens = Objects.requireNonNull(tokens, "tokens are required");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey is required");
        this.headers = Objects.requireNonNull(settings, "settings are required").standardHeaders();
    }

    @Override
    public void apply(RequestTemplate template) {
        headers.forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        template.removeHeader(AuthHeaderNames.PRIVATE_KEY);
        template.header(AuthHeaderNames.PRIVATE_KEY, apiKey.reveal());
        template.removeHeader(AuthHeaderNames.AUTHORIZATION);
        template.header(AuthHeaderNames.AUTHORIZATION, "Bearer " + tokens.accessToken().value());
    }

    @Override
    public String toString() {
        return "SmartApiRequestInterceptor[" + tokens.account() + "]";
    }
}
