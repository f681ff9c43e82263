package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.RateLimitPacer.WINDOW_NANOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SmartAPI applies its per-second limits per user account, so {@link SmartApiHttpClient} paces each
 * route by the client code of the account it is called for, never by a token's claims. The tokens
 * here carry no {@code username} claim (made up, so the sandbox refuses them after the pacer let the
 * call out; only the pacing is looked at). The pacer runs on a time source and a sleeper of the
 * test's: no real time passes and none is measured.
 */
class PacingAcrossAccountsTest {

    private static final int PROFILE_PER_SECOND = 3;

    private final SandboxFixture fixture = new SandboxFixture();
    private final List<Long> waits = new ArrayList<>();
    /** The pacer's clock; it moves only when the pacer asks to sleep. */
    private long now = 7_000_000_000L;
    private final SmartApiHttpClient client = new SmartApiHttpClient(fixture.settings().withPacing(true),
            new RateLimitPacer(() -> now, nanos -> {
                waits.add(nanos);
                now += nanos;
            }));

    private final Credentials first = SandboxFixture.credentials();
    private final Credentials second = new Credentials(ApiKey.of("another-app-key-1b2c"), ClientCode.of("B7654321"),
            Pin.of("5820"));

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    /** A JWT-shaped token whose payload has an expiry and no {@code username}. */
    private static AccessToken withoutUsername(String marker) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"exp\":4102444800,\"marker\":\"" + marker + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return AccessToken.withoutExpiry(header + "." + payload + ".c2ln");
    }

    private void anyAnswer(Runnable call) {
        Throwable outcome = catchThrowable(call::run);
        assertThat(outcome == null || outcome instanceof SmartApiAuthException).isTrue();
    }

    @Test
    void accountsWhoseTokensCarryNoUsernameNeverWaitForEachOthersBudget() {
        AccessToken firstToken = withoutUsername("first");
        AccessToken secondToken = withoutUsername("second");

        for (int i = 0; i < PROFILE_PER_SECOND; i++) {
            anyAnswer(() -> client.profile(first, firstToken));
        }
        for (int i = 0; i < PROFILE_PER_SECOND; i++) {
            anyAnswer(() -> client.profile(second, secondToken));
        }
        anyAnswer(() -> client.refresh(first, new TokenSet(firstToken, RefreshToken.of("r1"), FeedToken.of("f1"))));
        anyAnswer(() -> client.refresh(second, new TokenSet(secondToken, RefreshToken.of("r2"), FeedToken.of("f2"))));
        anyAnswer(() -> client.logout(first, firstToken));
        anyAnswer(() -> client.logout(second, secondToken));

        assertThat(waits).as("each account spent only its own budget").isEmpty();
    }

    @Test
    void oneAccountsBurstIsPacedWhileAnotherAccountGoesOutAtOnce() {
        AccessToken firstToken = withoutUsername("first");

        for (int i = 0; i < PROFILE_PER_SECOND; i++) {
            anyAnswer(() -> client.profile(first, firstToken));
        }
        assertThat(waits).isEmpty();

        anyAnswer(() -> client.profile(first, firstToken));
        assertThat(waits).as("the fourth call of one account within a second waits a whole window")
                .containsExactly(WINDOW_NANOS);

        anyAnswer(() -> client.profile(second, withoutUsername("second")));
        assertThat(waits).as("the other account's first call does not wait").containsExactly(WINDOW_NANOS);
    }
}
