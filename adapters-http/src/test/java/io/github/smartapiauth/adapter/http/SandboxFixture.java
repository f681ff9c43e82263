package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** A started sandbox with one account, a controllable clock, and a client pointed at it. */
final class SandboxFixture implements AutoCloseable {

    /** 09:30:10 IST. */
    static final Instant MORNING = Instant.parse("2026-11-24T04:00:10Z");
    static final Instant MIDNIGHT_IST = Instant.parse("2026-11-24T18:30:00Z");
    static final SandboxAccount ACCOUNT = SandboxAccount.of("test-api-key-7f3a9c", "T1234567", "9173",
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    final SandboxClock clock = SandboxClock.at(MORNING);
    final SmartApiSandbox sandbox;
    final URI baseUrl;
    final SmartApiHttpClient client;

    SandboxFixture() {
        this(false);
    }

    SandboxFixture(boolean rateLimits) {
        // These tests check that the client uses the rotated refresh token; rotation is off by default.
        this(SmartApiSandbox.builder().rateLimits(rateLimits).rotateRefreshTokens(true));
    }

    /** A sandbox configured by {@code builder} (rate limits, refresh-token rotation, ...), with the fixture's account and clock. */
    SandboxFixture(SmartApiSandbox.Builder builder) {
        sandbox = builder.account(ACCOUNT).clock(clock).faultDelay(Duration.ofSeconds(8)).build();
        baseUrl = sandbox.start();
        client = new SmartApiHttpClient(settings());
    }

    HttpSettings settings() {
        return HttpSettings.forBaseUrl(baseUrl).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)).withPacing(false);
    }

    static Credentials credentials() {
        return new Credentials(ApiKey.of(ACCOUNT.apiKey()), ClientCode.of(ACCOUNT.clientCode()), Pin.of(ACCOUNT.mpin()));
    }

    TotpCode currentCode() {
        return TotpCode.of(ACCOUNT.totpAt(clock.instant()));
    }

    /** Moves to the next TOTP step, since the sandbox accepts each code once. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
