package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A burst waits its turn instead of provoking SmartAPI's 403: the sandbox enforces the per-second
 * limits on real time here and refuses any call over them, so every call succeeding is the proof.
 * The pacing decisions themselves are tested without real time in {@link RateLimitPacerTest}.
 */
class PacingTest {

    @Test
    void aBurstOfProfileCallsIsNeverRefusedByARateLimitingServer() {
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(Clock.systemUTC())
                .rateLimits(true).build();
             SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(sandbox.start()))) {
            TokenSet tokens = client.login(SandboxFixture.credentials(),
                    TotpCode.of(ACCOUNT.totpAt(Clock.systemUTC().instant())));

            for (int i = 0; i < 7; i++) {
                assertThat(client.profile(SandboxFixture.credentials(), tokens.accessToken()).clientCode().value())
                        .isEqualTo(ACCOUNT.clientCode());
            }

            assertThat(sandbox.requests(Route.GET_PROFILE)).hasSize(7);
        }
    }
}
