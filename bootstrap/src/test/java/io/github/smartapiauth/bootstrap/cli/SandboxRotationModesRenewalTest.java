package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client renews against both refresh-token behaviours of the sandbox: the default (the
 * refresh token is kept, as the official SDKs expect) and rotation (each refresh hands out a new
 * one and refuses the old): three refreshes in a row, one login, and the session stays usable.
 */
class SandboxRotationModesRenewalTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("rotation-test-key-8c2f", "R7654321", "2468",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");

    @TempDir
    Path vaultDir;

    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));

    @ParameterizedTest(name = "rotateRefreshTokens={0}")
    @ValueSource(booleans = {false, true})
    void threeRefreshesInARowNeedOneLoginWhetherOrNotRefreshTokensRotate(boolean rotate) {
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(clock).rateLimits(false)
                .rotateRefreshTokens(rotate).build()) {
            Map<String, String> env = Map.of(
                    "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                    "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                    "SMARTAPI_PIN", ACCOUNT.mpin(),
                    "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                    "SMARTAPI_BASE_URL", sandbox.start().toString(),
                    "SMARTAPI_VAULT_DIR", vaultDir.toString(),
                    "SMARTAPI_VAULT_PASSPHRASE", "rotation test passphrase",
                    "SMARTAPI_PACING", "false");

            assertThat(run(env, "login")).isZero();
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofMinutes(10));
                assertThat(run(env, "refresh")).as("refresh %d", i + 1).isZero();
            }
            assertThat(run(env, "profile")).isZero();

            assertThat(sandbox.calls(Route.GENERATE_TOKENS)).isEqualTo(3);
            assertThat(sandbox.calls(Route.LOGIN)).as("no login again").isEqualTo(1);
        }
    }

    private int run(Map<String, String> env, String... args) {
        CliEnvironment environment = new CliEnvironment(env, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), Optional.empty(), clock);
        return SmartApiAuthCli.run(environment, args);
    }
}
