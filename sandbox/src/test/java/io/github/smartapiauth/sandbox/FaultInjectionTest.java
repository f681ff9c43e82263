package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smartapiauth.sandbox.SandboxHttp.Response;
import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(ALPHA).clock(clock).rateLimits(false)
                .faultDelay(Duration.ofSeconds(60)).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void http500ForTheNextNCallsThenNormal() {
        sandbox.faults().next(Route.LOGIN, Fault.HTTP_500, 2);

        assertThat(http.login(ALPHA).status()).isEqualTo(500);
        assertThat(http.login(ALPHA).status()).isEqualTo(500);
        assertThat(sandbox.faults().pending(Route.LOGIN)).isZero();
        Response normal = http.login(ALPHA);
        assertThat(normal.json().get("status").asBoolean()).as("the faulted calls used no TOTP step").isTrue();
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(3);
    }

    @Test
    void faultsOfOneRouteLeaveTheOthersAlone() {
        sandbox.faults().next(Route.GET_RMS, Fault.HTTP_500, 1);
        Tokens tokens = http.loggedIn(ALPHA);

        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt()).status()).isEqualTo(200);
        assertThat(http.get(Route.GET_RMS, ALPHA.apiKey(), tokens.jwt()).status()).isEqualTo(500);
    }

    @Test
    void wafPage() {
        sandbox.faults().next(Route.GET_PROFILE, Fault.WAF_PAGE);

        Response response = http.get(Route.GET_PROFILE, ALPHA.apiKey(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("Request Rejected");
    }

    @Test
    void malformedJson() {
        sandbox.faults().next(Route.LOGIN, Fault.MALFORMED_JSON);

        Response response = http.login(ALPHA);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThatThrownBy(() -> new ObjectMapper().readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void emptyBody() {
        sandbox.faults().next(Route.GENERATE_TOKENS, Fault.EMPTY_BODY);

        Response response = http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), null, "{\"refreshToken\":\"x\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void rateLimitText() {
        sandbox.faults().next(Route.LOGOUT, Fault.RATE_LIMIT);

        Response response = http.post(Route.LOGOUT, ALPHA.apiKey(), null, "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Access denied because of exceeding access rate");
    }

    @Test
    void transientAb1004() {
        sandbox.faults().next(Route.LOGIN, Fault.TRANSIENT_ERROR);

        Response response = http.login(ALPHA);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asBoolean()).isFalse();
        assertThat(response.json().get("errorcode").asText()).isEqualTo("AB1004");
        assertThat(response.json().get("message").asText()).isEqualTo("Something Went Wrong, Please Try After Sometime");
        assertThat(response.json().get("data").isNull()).isTrue();
    }

    @Test
    void invalidTokenAnswersAg8001InTheGatewayDialectWhileTheSessionStaysOpen() {
        Tokens tokens = http.loggedIn(ALPHA);
        sandbox.faults().next(Route.GET_RMS, Fault.INVALID_TOKEN);

        Response refused = http.get(Route.GET_RMS, ALPHA.apiKey(), tokens.jwt());
        Response next = http.get(Route.GET_RMS, ALPHA.apiKey(), tokens.jwt());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("success").asBoolean()).isFalse();
        assertThat(refused.errorCode()).isEqualTo("AG8001");
        assertThat(next.json().get("status").asBoolean()).isTrue();
    }

    @Test
    void connectionReset() {
        sandbox.faults().next(Route.LOGIN, Fault.CONNECTION_RESET);

        assertThatThrownBy(() -> http.login(ALPHA)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.login(ALPHA).json().get("status").asBoolean()).isTrue();
    }

    @Test
    void delayPassesTheClientTimeoutAndDoesNotBlockClose() throws Exception {
        sandbox.faults().next(Route.LOGIN, Fault.DELAY);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = http.request(Route.LOGIN, ALPHA.apiKey()).timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(http.loginBody("A100001", "4321", http.totp(ALPHA, 0))))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(http.login(ALPHA).json().get("status").asBoolean()).as("other calls go on meanwhile").isTrue();
        // A hang guard, not a speed assertion: the delayed reply is due only in a minute.
        assertTimeoutPreemptively(Duration.ofSeconds(20), sandbox::close);
    }

    @Test
    void aShortDelayStillAnswersNormally() {
        sandbox.close();
        sandbox = SmartApiSandbox.builder().account(ALPHA).clock(clock).faultDelay(Duration.ofMillis(50)).build();
        http = new SandboxHttp(sandbox.start(), clock);
        sandbox.faults().next(Route.LOGIN, Fault.DELAY);

        assertThat(http.login(ALPHA).json().get("status").asBoolean()).isTrue();
    }

    @Test
    void faultsComeBeforeTheContentTypeAndRateLimitChecks() {
        sandbox.faults().next(Route.GET_PROFILE, Fault.HTTP_500).next(Route.GET_PROFILE, Fault.TRANSIENT_ERROR);

        Response first = http.send(http.request(Route.GET_PROFILE, null).setHeader("Content-Type", "text/plain").GET().build());
        Response second = http.get(Route.GET_PROFILE, null, null);
        Response third = http.get(Route.GET_PROFILE, null, null);

        assertThat(first.status()).isEqualTo(500);
        assertThat(second.errorCode()).isEqualTo("AB1004");
        assertThat(third.errorCode()).isEqualTo("AG8004");
    }

    @Test
    void clearForgetsScriptedFaults() {
        sandbox.faults().next(Route.LOGIN, Fault.HTTP_500, 5);
        sandbox.faults().clear();

        assertThat(http.login(ALPHA).status()).isEqualTo(200);
    }
}
