package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.CapturedRequest;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A burst waits its turn instead of provoking SmartAPI's 403 (the sandbox enforces the limits on real time here). */
class PacingTest {

    @Test
    void aBurstOfProfileCallsStaysWithinThreePerSecond() {
        SandboxAccount account = ACCOUNT;
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(account).clock(Clock.systemUTC())
                .rateLimits(true).build()) {
            SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(sandbox.start()));
            TokenSet tokens = client.login(SandboxFixture.credentials(),
                    io.github.smartapiauth.domain.credential.TotpCode.of(account.totpAt(Clock.systemUTC().instant())));

            for (int i = 0; i < 7; i++) {
                assertThat(client.profile(ApiKey.of(account.apiKey()), tokens.accessToken()).clientCode().value())
                        .isEqualTo(account.clientCode());
            }

            List<Instant> sent = sandbox.requests(Route.GET_PROFILE).stream().map(CapturedRequest::receivedAt).toList();
            for (int i = 3; i < sent.size(); i++) {
                assertThat(Duration.between(sent.get(i - 3), sent.get(i)))
                        .as("calls %d and %d are at least a second apart", i - 3, i)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }
}
