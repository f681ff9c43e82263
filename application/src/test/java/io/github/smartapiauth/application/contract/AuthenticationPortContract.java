package io.github.smartapiauth.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthenticationPort} adapter does against a broker that knows one account;
 * each adapter's test subclasses it (the HTTP client against the sandbox, {@code FakeBroker} for
 * the test doubles), so a platform's test on the fake means what it would mean on the real thing.
 * Uses only the ports and the domain.
 *
 * <p>Subclasses give each test a fresh broker (a {@code @BeforeEach} of their own runs after this
 * class's) and answer the methods below from it. The broker's rate limits are off: the contract
 * moves the broker's clock, never waits.
 *
 * <p>Whether a refresh rotates the refresh token is the broker's choice (the sandbox can do both),
 * so the contract asserts neither: only that a refresh token the broker never issued, or one of
 * a session that was logged out, is refused.
 */
public abstract class AuthenticationPortContract {

    /** The adapter under test. */
    protected abstract AuthenticationPort authentication();

    /** The same broker's profile endpoint, which tells whether an access token is accepted. */
    protected abstract ProfilePort profiles();

    /** A new copy of the credentials of the broker's account. */
    protected abstract Credentials credentials();

    /** The account's valid TOTP code at {@code instant}, as its authenticator app would show it. */
    protected abstract TotpCode codeAt(Instant instant);

    /** The broker's time. */
    protected abstract Instant now();

    /** Moves the broker's time on. */
    protected abstract void advance(Duration amount);

    /** The code of a TOTP step no login of this test has used yet. */
    private TotpCode freshCode() {
        advance(Duration.ofSeconds(30));
        return codeAt(now());
    }

    private TokenSet logIn() {
        return authentication().login(credentials(), freshCode());
    }

    /** The account's credentials with another API key. */
    private Credentials withApiKey(String apiKey) {
        return new Credentials(ApiKey.of(apiKey), account(), credentials().pin());
    }

    private ClientCode account() {
        return credentials().clientCode();
    }

    private void assertAccepted(AccessToken token) {
        assertThat(profiles().profile(credentials(), token).clientCode()).isEqualTo(account());
    }

    @Test
    void aLoginWithAValidCodeIssuesTokensWhoseAccessTokenIsAccepted() {
        TokenSet tokens = logIn();

        assertThat(tokens.accessToken().value()).isNotBlank();
        assertThat(tokens.refreshToken().value()).isNotBlank();
        assertThat(tokens.feedToken().value()).isNotBlank();
        assertAccepted(tokens.accessToken());
    }

    @Test
    void eachLoginIssuesADifferentAccessToken() {
        TokenSet first = logIn();
        TokenSet second = logIn();

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertAccepted(second.accessToken());
    }

    @Test
    void aWrongMpinIsInvalidCredentials() {
        Credentials valid = credentials();
        Pin wrong = Pin.of(valid.pin().reveal().equals("0000") ? "1111" : "0000");
        Credentials wrongPin = new Credentials(valid.apiKey(), valid.clientCode(), wrong);

        InvalidCredentialsException refused = catchThrowableOfType(InvalidCredentialsException.class,
                () -> authentication().login(wrongPin, freshCode()));

        assertThat(refused).isNotNull();
        assertThat(refused.isTransient()).isFalse();
    }

    @Test
    void anUnknownClientCodeIsInvalidCredentials() {
        Credentials valid = credentials();
        Credentials stranger = new Credentials(valid.apiKey(), ClientCode.of("NOBODY99"), valid.pin());

        assertThat(catchThrowable(() -> authentication().login(stranger, freshCode())))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void anUnknownApiKeyIsAConfigurationError() {
        Credentials valid = credentials();
        Credentials badKey = new Credentials(ApiKey.of("not-an-api-key-of-this-broker"), valid.clientCode(), valid.pin());

        assertThat(catchThrowable(() -> authentication().login(badKey, freshCode())))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aWrongTotpIsInvalidTotp() {
        advance(Duration.ofSeconds(30));
        Instant now = now();
        Set<String> valid = Set.of(codeAt(now.minusSeconds(30)).reveal(), codeAt(now).reveal(),
                codeAt(now.plusSeconds(30)).reveal());
        String wrong = List.of("000000", "111111", "222222", "333333").stream()
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();

        assertThat(catchThrowable(() -> authentication().login(credentials(), TotpCode.of(wrong))))
                .isInstanceOf(InvalidTotpException.class);
    }

    @Test
    void aReusedTotpIsInvalidTotp() {
        String digits = freshCode().reveal();
        authentication().login(credentials(), TotpCode.of(digits));

        assertThat(catchThrowable(() -> authentication().login(credentials(), TotpCode.of(digits))))
                .isInstanceOf(InvalidTotpException.class);
    }

    @Test
    void aRefreshWithTheCurrentRefreshTokenGivesNewTokensWhoseAccessTokenIsAccepted() {
        TokenSet tokens = logIn();
        advance(Duration.ofMinutes(5));

        TokenSet refreshed = authentication().refresh(credentials(), tokens);

        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(refreshed.refreshToken().value()).isNotBlank();
        assertThat(refreshed.feedToken().value()).isNotBlank();
        assertAccepted(refreshed.accessToken());
    }

    @Test
    void theRefreshTokenARefreshGaveRefreshesAgain() {
        TokenSet tokens = logIn();
        advance(Duration.ofMinutes(5));
        TokenSet refreshed = authentication().refresh(credentials(), tokens);
        advance(Duration.ofMinutes(5));

        TokenSet again = authentication().refresh(credentials(), refreshed);

        assertAccepted(again.accessToken());
    }

    @Test
    void aMadeUpRefreshTokenIsRefreshRejected() {
        TokenSet tokens = logIn();
        TokenSet madeUp = new TokenSet(tokens.accessToken(), RefreshToken.of("made-up-refresh-token"), tokens.feedToken());

        RefreshRejectedException refused = catchThrowableOfType(RefreshRejectedException.class,
                () -> authentication().refresh(credentials(), madeUp));

        assertThat(refused).isNotNull();
        assertThat(refused.isTransient()).isFalse();
    }

    @Test
    void theRefreshTokenOfALoggedOutSessionIsRefreshRejected() {
        TokenSet tokens = logIn();
        authentication().logout(credentials(), tokens.accessToken());

        assertThat(catchThrowable(() -> authentication().refresh(credentials(), tokens)))
                .isInstanceOf(RefreshRejectedException.class);
    }

    @Test
    void aLogoutMakesTheAccessTokenRefusedByTheProfilePort() {
        TokenSet tokens = logIn();
        assertAccepted(tokens.accessToken());

        authentication().logout(credentials(), tokens.accessToken());

        assertThat(catchThrowable(() -> profiles().profile(credentials(), tokens.accessToken())))
                .isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void aLogoutEndsOnlyItsOwnSession() {
        TokenSet kept = logIn();
        TokenSet ended = logIn();

        authentication().logout(credentials(), ended.accessToken());

        assertAccepted(kept.accessToken());
    }

    @Test
    void loggingOutAnEndedSessionIsSessionExpired() {
        TokenSet tokens = logIn();
        authentication().logout(credentials(), tokens.accessToken());

        assertThat(catchThrowable(() -> authentication().logout(credentials(), tokens.accessToken())))
                .isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void everyFailureIsASmartApiAuthException() {
        TokenSet tokens = logIn();
        Credentials valid = credentials();
        AccessToken madeUp = AccessToken.withoutExpiry("made-up-access-token");
        List<Runnable> badCalls = List.of(
                () -> authentication().login(new Credentials(valid.apiKey(), valid.clientCode(), Pin.of(
                        valid.pin().reveal().equals("0000") ? "1111" : "0000")), freshCode()),
                () -> authentication().login(valid, TotpCode.of("99999999")),
                () -> authentication().login(new Credentials(ApiKey.of("not-an-api-key-of-this-broker"),
                        valid.clientCode(), valid.pin()), freshCode()),
                () -> authentication().refresh(credentials(), new TokenSet(madeUp, RefreshToken.of("made-up"), tokens.feedToken())),
                () -> authentication().refresh(withApiKey("not-an-api-key-of-this-broker"), tokens),
                () -> authentication().logout(credentials(), madeUp),
                () -> authentication().logout(withApiKey("not-an-api-key-of-this-broker"), tokens.accessToken()));

        List<Throwable> failures = new ArrayList<>();
        for (Runnable call : badCalls) {
            failures.add(catchThrowable(call::run));
        }

        assertThat(failures).hasSize(badCalls.size()).allSatisfy(failure -> {
            assertThat(failure).isNotNull().isInstanceOf(SmartApiAuthException.class);
            assertThat(String.valueOf(failure.getMessage())).doesNotContain(valid.apiKey().reveal(),
                    tokens.accessToken().value(), tokens.refreshToken().value());
        });
    }
}
