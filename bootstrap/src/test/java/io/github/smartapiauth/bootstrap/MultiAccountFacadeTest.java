package io.github.smartapiauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.domain.token.AccessTokenProvider;
import io.github.smartapiauth.application.port.in.ManageAccountsUseCase.OnRemoval;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.AccountSetup.TotpSource;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A platform holding several tenants' sessions through one facade, each tenant with its own SmartAPI app. */
@Timeout(60)
class MultiAccountFacadeTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
    private static final SandboxAccount FIRST = SandboxAccount.of("tenant-one-key-1a", "T1111111", "1111", SECRET);
    private static final SandboxAccount SECOND = SandboxAccount.of("tenant-two-key-2b", "T2222222", "2222", SECRET);
    private static final SandboxAccount THIRD = SandboxAccount.of("tenant-three-key-3c", "T3333333", "3333", SECRET);

    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));
    private SmartApiSandbox sandbox;
    private SmartApiAuth auth;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(FIRST).account(SECOND).account(THIRD).clock(clock)
                .rateLimits(false).build();
        sandbox.start();
        auth = SmartApiAuth.builder().config(config(account(FIRST, true), account(SECOND, false))).clock(clock).build();
    }

    @AfterEach
    void stop() {
        auth.close();
        sandbox.close();
    }

    private SmartApiAuthConfig config(SmartApiAuthConfig.Account... accounts) {
        return new SmartApiAuthConfig(List.of(accounts), HttpSettings.forBaseUrl(sandbox.baseUri()).withPacing(false),
                RenewalSettings.defaults(), new SmartApiAuthConfig.MemoryStore(), List.of());
    }

    private static SmartApiAuthConfig.Account account(SandboxAccount account, boolean withSecret) {
        return new SmartApiAuthConfig.Account(credentials(account),
                withSecret ? Optional.of(key()) : Optional.empty());
    }

    private static Credentials credentials(SandboxAccount account) {
        return new Credentials(ApiKey.of(account.apiKey()), ClientCode.of(account.clientCode()), Pin.of(account.mpin()));
    }

    private static TotpKey key() {
        return new TotpKeyLoader(name -> null, TotpParameters.smartApi()).fromBase32(SECRET).key();
    }

    @Test
    void eachAccountHasAHandleWithItsOwnTokensAndApiKeyAndTheShortcutsAskWhichOne() {
        SmartApiAccount first = auth.account(FIRST.clientCode());

        assertThat(first.accessToken().value()).isNotBlank();
        assertThat(first.headers()).containsEntry("X-PrivateKey", FIRST.apiKey())
                .containsEntry("Authorization", "Bearer " + first.accessToken().value());
        assertThat(first.profile().clientCode().value()).isEqualTo(FIRST.clientCode());
        assertThat(auth.account(FIRST.clientCode())).as("one handle per account").isSameAs(first);
        assertThatThrownBy(auth::accessToken).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2 accounts are configured").hasMessageContaining("auth.account(clientCode)");
        assertThatThrownBy(() -> auth.account("Z9999999")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no account Z9999999 is configured")
                .hasMessageContaining(FIRST.clientCode()).hasMessageContaining(SECOND.clientCode());
    }

    @Test
    void anAccountWithoutATotpSecretDoesNotTurnTheOthersIntoConsolePrompts() {
        assertThat(auth.account(FIRST.clientCode()).session().clientCode().value()).isEqualTo(FIRST.clientCode());
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(1);
    }

    @Test
    void anAccountAddedWhileRunningServesTokensAndOneRemovedWithLogoutEndsAtTheBrokerAndFailsItsHandle()
            throws Exception {
        Semaphore heard = new Semaphore(0);
        List<SessionEvent> thirdsEvents = new CopyOnWriteArrayList<>();
        SmartApiAccount third = auth.addAccount(AccountSetup.of(credentials(THIRD), TotpSource.fromSecret(key())));
        third.addListener(event -> {
            thirdsEvents.add(event);
            heard.release();
        });
        AccessTokenProvider tokens = third;

        assertThat(tokens.accessTokenAsync().get(10, TimeUnit.SECONDS).value()).isNotBlank();
        auth.account(FIRST.clientCode()).accessToken();
        assertThat(third.headers()).containsEntry("X-PrivateKey", THIRD.apiKey());
        assertThat(auth.removeAccount(THIRD.clientCode(), OnRemoval.LOG_OUT))
                .hasValueSatisfying(result -> assertThat(result.serverConfirmed()).isTrue());

        assertThat(heard.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(thirdsEvents).as("the third's listener heard only the third")
                .allSatisfy(event -> assertThat(event.clientCode().value()).isEqualTo(THIRD.clientCode()))
                .extracting(event -> event.getClass().getSimpleName()).containsExactly("Opened", "LoggedOut");
        assertThat(sandbox.calls(Route.LOGOUT)).isEqualTo(1);
        assertThatThrownBy(third::accessToken).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(THIRD.clientCode() + " was removed");
        assertThat(auth.accounts()).extracting(ClientCode::value)
                .containsExactly(FIRST.clientCode(), SECOND.clientCode());
    }

    @Test
    void anAccountWithItsOwnIdentitySendsItsOwnIdentityHeaders() {
        auth.addAccount(AccountSetup.of(credentials(THIRD), TotpSource.fromSecret(key()))
                .withIdentity(new AccountSetup.ClientIdentity("10.1.2.3", "203.0.113.7", "0A:1B:2C:3D:4E:5F")));

        auth.account(THIRD.clientCode()).accessToken();
        auth.account(FIRST.clientCode()).accessToken();

        assertThat(sandbox.requests(Route.LOGIN)).extracting(request -> request.headers().entrySet().stream()
                        .filter(header -> header.getKey().equalsIgnoreCase("X-ClientPublicIP"))
                        .flatMap(header -> header.getValue().stream()).findFirst().orElse("none"))
                .as("the third's own public IP, then the configured one").containsExactly("203.0.113.7", "127.0.0.1");
    }

    @Test
    void newCredentialsReplaceTheOldOnesWhileRunning() {
        SmartApiAccount first = auth.account(FIRST.clientCode());
        Credentials wrong = new Credentials(ApiKey.of(FIRST.apiKey()), ClientCode.of(FIRST.clientCode()), Pin.of("9999"));
        auth.replaceCredentials(AccountSetup.of(wrong, TotpSource.fromSecret(key())));
        assertThatThrownBy(first::accessToken).as("the wrong MPIN is used").hasMessageContaining("MPIN");

        clock.advance(java.time.Duration.ofSeconds(30));
        auth.replaceCredentials(AccountSetup.of(credentials(FIRST), TotpSource.fromSecret(key())));

        assertThat(first.accessToken().value()).as("the right MPIN unblocked the account").isNotBlank();
    }
}
