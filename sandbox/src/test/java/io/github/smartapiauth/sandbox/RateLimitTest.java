package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static io.github.smartapiauth.sandbox.TestAccounts.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxHttp.Response;
import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    private void start(boolean rateLimits) {
        sandbox = SmartApiSandbox.builder().account(ALPHA).account(BETA).clock(clock).rateLimits(rateLimits).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSecondLoginInTheSameSecondGets403PlainText() {
        start(true);
        assertThat(http.login(ALPHA).json().get("status").asBoolean()).isTrue();

        Response limited = http.post(Route.LOGIN, ALPHA.apiKey(), null,
                http.loginBody(ALPHA.clientCode(), ALPHA.mpin(), http.totp(ALPHA, 1)));

        assertThat(limited.status()).isEqualTo(403);
        assertThat(limited.contentType()).startsWith("text/plain");
        assertThat(limited.body()).isEqualTo("Access denied because of exceeding access rate");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.post(Route.LOGIN, ALPHA.apiKey(), null,
                http.loginBody(ALPHA.clientCode(), ALPHA.mpin(), http.totp(ALPHA, 1))).json().get("status").asBoolean())
                .as("the next second, with a code the limited call did not use").isTrue();
    }

    @Test
    void limitsArePerAccount() {
        start(true);

        assertThat(http.login(ALPHA).status()).isEqualTo(200);
        assertThat(http.login(BETA).json().get("status").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"GET_PROFILE, 3", "GET_RMS, 2", "LOGOUT, 1", "GENERATE_TOKENS, 1"})
    void eachRouteAllowsItsDocumentedCallsPerSecond(Route route, int perSecond) {
        start(true);
        Tokens tokens = http.loggedIn(ALPHA);

        for (int i = 0; i < perSecond; i++) {
            assertThat(call(route, tokens).status()).as("call %d", i + 1).isEqualTo(200);
        }
        assertThat(call(route, tokens).status()).isEqualTo(403);
        clock.advance(Duration.ofSeconds(1));
        assertThat(call(route, tokens).status()).isEqualTo(200);
    }

    @Test
    void switchedOffNothingIsLimited() {
        start(false);
        Tokens tokens = http.loggedIn(ALPHA);

        for (int i = 0; i < 20; i++) {
            Response response = http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asBoolean()).isTrue();
        }
    }

    private Response call(Route route, Tokens tokens) {
        return switch (route) {
            case GENERATE_TOKENS -> http.post(route, ALPHA.apiKey(), tokens.jwt(), "{\"refreshToken\":\"x\"}");
            case LOGOUT -> http.post(route, ALPHA.apiKey(), tokens.jwt(), "{}");
            default -> http.get(route, ALPHA.apiKey(), tokens.jwt());
        };
    }
}
