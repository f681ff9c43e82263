package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error code and every fault the sandbox can produce, mapped onto the domain's error family. */
class ErrorMappingTest {

    private final SandboxFixture fixture = new SandboxFixture();
    private final SmartApiHttpClient client = fixture.client;
    private final Credentials account = SandboxFixture.credentials();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Nested
    class ErrorCodes {

        @Test
        void aWrongTotpIsAB1050() {
            String wrong = ACCOUNT.totpAt(fixture.clock.instant().plus(Duration.ofMinutes(5)));
            InvalidTotpException error = catchThrowableOfType(InvalidTotpException.class,
                    () -> client.login(SandboxFixture.credentials(), TotpCode.of(wrong)));
            assertThat(error.brokerCode()).contains("AB1050");
            assertThat(error).hasMessageContaining("refused the TOTP code").hasMessageContaining("clock");
        }

        @Test
        void aWrongMpinIsInvalidCredentials() {
            Credentials wrongPin = new Credentials(account.apiKey(), ClientCode.of(ACCOUNT.clientCode()), Pin.of("0000"));
            InvalidCredentialsException error = catchThrowableOfType(InvalidCredentialsException.class,
                    () -> client.login(wrongPin, fixture.currentCode()));
            assertThat(error.brokerCode()).contains("AB1007");
            assertThat(error).hasMessageContaining("automatic logins stop").hasMessageNotContaining("0000");
        }

        @Test
        void anUnknownClientCodeIsInvalidCredentials() {
            Credentials stranger = new Credentials(account.apiKey(), ClientCode.of("NOBODY1"), Pin.of(ACCOUNT.mpin()));
            assertThat(catchThrowableOfType(InvalidCredentialsException.class,
                    () -> client.login(stranger, fixture.currentCode())).brokerCode()).contains("AB1032");
        }

        @Test
        void anUnknownApiKeyIsAConfigurationError() {
            Credentials badKey = new Credentials(ApiKey.of("not-our-key"), ClientCode.of(ACCOUNT.clientCode()),
                    Pin.of(ACCOUNT.mpin()));
            ConfigurationException error = catchThrowableOfType(ConfigurationException.class,
                    () -> client.login(badKey, fixture.currentCode()));
            assertThat(error.brokerCode()).contains("AG8004");
            assertThat(error).hasMessageContaining("check the API key").hasMessageNotContaining("not-our-key");
        }

        @Test
        void aSpentRefreshTokenIsRefused() {
            TokenSet first = client.login(SandboxFixture.credentials(), fixture.currentCode());
            client.refresh(account, first);

            RefreshRejectedException error = catchThrowableOfType(RefreshRejectedException.class,
                    () -> client.refresh(account, first));
            assertThat(error.brokerCode()).contains("AB8050");
        }

        @Test
        void aRefreshAfterTheCutoffIsRefused() {
            TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());
            fixture.clock.set(SandboxFixture.MIDNIGHT_IST.plusSeconds(60));

            assertThatThrownBy(() -> client.refresh(account, tokens)).isInstanceOfAny(RefreshRejectedException.class,
                    SessionExpiredException.class);
        }

        @Test
        void anExpiredTokenOnASecureRouteIsSessionExpired() {
            TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());
            fixture.clock.set(SandboxFixture.MIDNIGHT_IST.plusSeconds(1));

            SessionExpiredException error = catchThrowableOfType(SessionExpiredException.class,
                    () -> client.profile(account, tokens.accessToken()));
            assertThat(error.brokerCode()).contains("AG8002");
        }

        @Test
        void anUnknownTokenOnASecureRouteIsSessionExpired() {
            SessionExpiredException error = catchThrowableOfType(SessionExpiredException.class,
                    () -> client.profile(account, AccessToken.withoutExpiry("eyJhbGciOiJIUzUxMiJ9.e30.c2ln")));
            assertThat(error.brokerCode()).contains("AG8001");
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.HTTP_500, BrokerUnavailableException.class, "failed on its side"),
                Arguments.of(Fault.WAF_PAGE, BrokerUnavailableException.class, "web firewall"),
                Arguments.of(Fault.MALFORMED_JSON, BrokerUnavailableException.class, "malformed JSON"),
                Arguments.of(Fault.EMPTY_BODY, BrokerUnavailableException.class, "empty body"),
                Arguments.of(Fault.DELAY, BrokerUnavailableException.class, "did not answer"),
                Arguments.of(Fault.CONNECTION_RESET, BrokerUnavailableException.class, "failed during"),
                Arguments.of(Fault.RATE_LIMIT, RateLimitedException.class, "rate limit"),
                Arguments.of(Fault.TRANSIENT_ERROR, BrokerUnavailableException.class, "AB1004"),
                Arguments.of(Fault.INVALID_TOKEN, SessionExpiredException.class, "AG8001"));
    }

    @ParameterizedTest(name = "{0} on login")
    @MethodSource("faults")
    void everyFaultOnLoginIsADeclaredError(Fault fault, Class<? extends SmartApiAuthException> expected, String says) {
        fixture.sandbox.faults().next(Route.LOGIN, fault);
        assertFails(expected, says, () -> client.login(SandboxFixture.credentials(), fixture.currentCode()));
    }

    @ParameterizedTest(name = "{0} on refresh, profile and logout")
    @MethodSource("faults")
    void everyFaultOnTheOtherRoutesIsADeclaredError(Fault fault, Class<? extends SmartApiAuthException> expected,
                                                    String says) {
        TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());
        fixture.sandbox.faults().next(Route.GENERATE_TOKENS, fault);
        // The JDK's HTTP client retries an idempotent GET once by itself when a connection drops.
        fixture.sandbox.faults().next(Route.GET_PROFILE, fault, fault == Fault.CONNECTION_RESET ? 2 : 1);
        fixture.sandbox.faults().next(Route.LOGOUT, fault);

        assertFails(expected, says, () -> client.refresh(account, tokens));
        assertFails(expected, says, () -> client.profile(account, tokens.accessToken()));
        assertFails(expected, says, () -> client.logout(account, tokens.accessToken()));
    }

    private static void assertFails(Class<? extends SmartApiAuthException> expected, String says, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(expected)
                .hasMessageContaining(says)
                .satisfies(noSecretIn());
    }

    private static Consumer<Throwable> noSecretIn() {
        return error -> assertThat(error.getMessage())
                .doesNotContain(ACCOUNT.apiKey())
                .doesNotContain("9173")
                .doesNotContain("eyJ");
    }
}
