package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CapturedRequestTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(ALPHA).clock(clock).rateLimits(false).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void capturesMethodPathHeadersAndBodyAsReceived() {
        String code = http.totp(ALPHA, 0);
        Tokens tokens = Tokens.of(http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", code)));
        http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt());

        CapturedRequest login = sandbox.requests(Route.LOGIN).get(0);
        assertThat(login.route()).isEqualTo(Route.LOGIN);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.path()).isEqualTo(Route.LOGIN.path());
        assertThat(login.header("x-privatekey")).isEqualTo(ALPHA.apiKey());
        assertThat(login.header("X-UserType")).isEqualTo("USER");
        assertThat(login.body()).contains("\"totp\":\"" + code + "\"");
        assertThat(login.receivedAt()).isEqualTo(TestAccounts.MORNING);
        CapturedRequest profile = sandbox.requests(Route.GET_PROFILE).get(0);
        assertThat(profile.header("Authorization")).isEqualTo("Bearer " + tokens.jwt());
        assertThat(sandbox.requests()).extracting(CapturedRequest::route).containsExactly(Route.LOGIN, Route.GET_PROFILE);
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(1);
        assertThat(sandbox.calls(Route.GET_PROFILE)).isEqualTo(1);
        assertThat(sandbox.calls(Route.GET_RMS)).isZero();
    }

    @Test
    void printedFormMasksEverySecret() {
        String code = http.totp(ALPHA, 0);
        Tokens tokens = Tokens.of(http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", code)));
        http.refresh(ALPHA, tokens);
        http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), tokens.jwt(),
                "{\"refreshToken\" : \"" + tokens.refresh() + "\", \"jwtToken\":\"" + tokens.jwt() + "\"}");

        for (CapturedRequest request : sandbox.requests()) {
            String printed = request.toString();
            assertThat(printed).doesNotContain(ALPHA.apiKey(), tokens.jwt(), tokens.refresh(), code, "4321", "eyJ")
                    .containsIgnoringCase("X-PrivateKey=****");
        }
        assertThat(sandbox.requests(Route.LOGIN).get(0).toString())
                .contains("\"password\":\"****\"", "\"totp\":\"****\"", "\"clientcode\":\"A100001\"");
        assertThat(sandbox.requests(Route.GENERATE_TOKENS).get(0).toString()).contains("Authorization=****");
    }

    @Test
    void printsNothingOfABodyThatIsNotAJsonObject() {
        CapturedRequest request = new CapturedRequest(Route.LOGIN, "POST", Route.LOGIN.path(), "",
                Map.of("Content-Type", List.of("text/plain")), "password=4321&totp=123456", Instant.EPOCH);

        assertThat(request.toString()).doesNotContain("4321", "123456").contains("<25 chars>");
    }

    @Test
    void masksUnquotedSecretValuesAndTokensInQueries() {
        CapturedRequest request = new CapturedRequest(Route.GET_PROFILE, "GET", Route.GET_PROFILE.path(),
                "t=eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJ4In0.sig", Map.of(), "{\"password\":4321,\"PIN\":\"9\"}", Instant.EPOCH);

        assertThat(request.toString()).doesNotContain("4321", "eyJ", "\"9\"");
    }

    @Test
    void keepsOnlyTheConfiguredNumberOfRequestsButCountsAll() {
        sandbox.close();
        sandbox = SmartApiSandbox.builder().account(ALPHA).clock(clock).rateLimits(false).capturedRequestLimit(2).build();
        http = new SandboxHttp(sandbox.start(), clock);

        for (int i = 0; i < 5; i++) {
            http.get(Route.GET_RMS, ALPHA.apiKey(), null);
        }

        assertThat(sandbox.requests()).hasSize(2);
        assertThat(sandbox.calls(Route.GET_RMS)).isEqualTo(5);
        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.calls(Route.GET_RMS)).isZero();
    }
}
