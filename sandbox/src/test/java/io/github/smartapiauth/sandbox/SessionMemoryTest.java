package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions nobody uses are forgotten, so memory stays bounded however long the sandbox runs. */
class SessionMemoryTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    private void start(SmartApiSandbox.Builder builder) {
        sandbox = builder.account(SandboxAccount.demo()).clock(clock).rateLimits(false).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void beyondTheLimitPerAccountTheLeastRecentlyUsedSessionIsEnded() {
        start(SmartApiSandbox.builder().maxSessionsPerAccount(20).tokenLifetime(Duration.ofDays(30)));
        SandboxHttp.Tokens kept = http.loggedIn(SandboxAccount.demo());
        SandboxHttp.Tokens first = null;
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofSeconds(30)); // a new TOTP step for each login
            SandboxHttp.Tokens tokens = http.loggedIn(SandboxAccount.demo());
            first = first == null ? tokens : first;
            assertThat(profile(kept)).as("a session in use stays").isEqualTo("SUCCESS");
        }

        assertThat(sandbox.openSessions()).isEqualTo(20);
        assertThat(profile(first)).as("an unused old session was ended").isEqualTo("AG8001");
    }

    @Test
    void aSessionNobodyUsesForTheIdleTimeoutIsForgottenAndExpiredOnesAnswerAsExpired() {
        start(SmartApiSandbox.builder().sessionIdleTimeout(Duration.ofHours(1)));
        SandboxHttp.Tokens idle = http.loggedIn(SandboxAccount.demo());
        clock.advance(Duration.ofSeconds(30));
        SandboxHttp.Tokens used = http.loggedIn(SandboxAccount.demo());
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(profile(used)).isEqualTo("SUCCESS");
        }

        assertThat(sandbox.openSessions()).isEqualTo(1);
        assertThat(profile(idle)).isEqualTo("AG8001");

        clock.set(TestAccounts.MIDNIGHT_IST);
        assertThat(profile(used)).as("expired, even though forgotten").isEqualTo("AG8002");
        assertThat(http.refresh(SandboxAccount.demo(), used).errorCode()).isEqualTo("AB8051");
        assertThat(sandbox.openSessions()).isZero();
    }

    private String profile(SandboxHttp.Tokens tokens) {
        SandboxHttp.Response response = http.get(Route.GET_PROFILE, SandboxAccount.demo().apiKey(), tokens.jwt());
        return response.json().path("status").asBoolean() ? "SUCCESS" : response.errorCode();
    }
}
