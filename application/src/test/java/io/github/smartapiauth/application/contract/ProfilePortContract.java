package io.github.smartapiauth.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.domain.credential.ApiKey;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProfilePort} adapter does against a broker that knows one account; each
 * adapter's test subclasses it (the HTTP client against the sandbox, {@code FakeBroker} for the
 * test doubles). Uses only the ports and the domain.
 *
 * <p>Subclasses give each test a fresh broker (a {@code @BeforeEach} of their own runs after this
 * class's) and answer the methods below from it.
 */
public abstract class ProfilePortContract {

    /** The adapter under test. */
    protected abstract ProfilePort profiles();

    /** A new copy of the credentials of the broker's account. */
    protected abstract Credentials credentials();

    /** Opens a new session of the account on the broker and gives its tokens. */
    protected abstract TokenSet openSession();

    /** Ends every session of the account on the broker's side, as a revocation by Angel One does. */
    protected abstract void revokeSessions();

    @Test
    void aLiveTokenGivesTheAccountsProfileWithItsClientCode() {
        TokenSet tokens = openSession();

        Profile profile = profiles().profile(credentials(), tokens.accessToken());

        assertThat(profile.clientCode()).isEqualTo(credentials().clientCode());
    }

    @Test
    void theProfileCanBeReadAgainWithTheSameToken() {
        TokenSet tokens = openSession();
        profiles().profile(credentials(), tokens.accessToken());

        assertThat(profiles().profile(credentials(), tokens.accessToken()).clientCode())
                .isEqualTo(credentials().clientCode());
    }

    @Test
    void aRevokedTokenIsSessionExpiredWithTheBrokersCode() {
        TokenSet tokens = openSession();
        revokeSessions();

        SessionExpiredException refused = catchThrowableOfType(SessionExpiredException.class,
                () -> profiles().profile(credentials(), tokens.accessToken()));

        assertThat(refused).isNotNull();
        assertThat(refused.brokerCode()).hasValueSatisfying(code -> assertThat(code).startsWith("AG800"));
        assertThat(refused.getMessage()).doesNotContain(tokens.accessToken().value());
    }

    @Test
    void aMadeUpTokenIsSessionExpired() {
        openSession();

        assertThat(catchThrowableOfType(SessionExpiredException.class,
                () -> profiles().profile(credentials(), AccessToken.withoutExpiry("made-up-access-token"))))
                .isNotNull();
    }

    @Test
    void anUnknownApiKeyIsAConfigurationError() {
        TokenSet tokens = openSession();

        assertThat(catchThrowableOfType(ConfigurationException.class,
                () -> profiles().profile(new Credentials(ApiKey.of("not-an-api-key-of-this-broker"),
                        credentials().clientCode(), credentials().pin()), tokens.accessToken())))
                .isNotNull();
    }
}
