package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.application.contract.AuthenticationPortContract;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * {@link SmartApiHttpClient} keeps the authentication contract against the sandbox over loopback
 * HTTP, whether the sandbox rotates refresh tokens or not (rate limits and pacing off: the
 * contract moves the sandbox's clock to a new TOTP step for each login, and never waits).
 */
class SmartApiHttpClientAuthenticationTest {

    abstract static class AgainstTheSandbox extends AuthenticationPortContract {

        private SandboxFixture fixture;

        abstract boolean rotateRefreshTokens();

        @BeforeEach
        void startSandbox() {
            fixture = new SandboxFixture(SmartApiSandbox.builder().rateLimits(false)
                    .rotateRefreshTokens(rotateRefreshTokens()));
        }

        @AfterEach
        void stopSandbox() {
            fixture.close();
        }

        @Override
        protected AuthenticationPort authentication() {
            return fixture.client;
        }

        @Override
        protected ProfilePort profiles() {
            return fixture.client;
        }

        @Override
        protected Credentials credentials() {
            return SandboxFixture.credentials();
        }

        @Override
        protected TotpCode codeAt(Instant instant) {
            return TotpCode.of(SandboxFixture.ACCOUNT.totpAt(instant));
        }

        @Override
        protected Instant now() {
            return fixture.clock.instant();
        }

        @Override
        protected void advance(Duration amount) {
            fixture.clock.advance(amount);
        }
    }

    @Nested
    class WithRefreshTokenRotation extends AgainstTheSandbox {
        @Override
        boolean rotateRefreshTokens() {
            return true;
        }
    }

    @Nested
    class WithoutRefreshTokenRotation extends AgainstTheSandbox {
        @Override
        boolean rotateRefreshTokens() {
            return false;
        }
    }
}
