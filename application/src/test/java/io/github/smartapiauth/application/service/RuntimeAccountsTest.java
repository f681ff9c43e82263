package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.domain.token.AccessTokenProvider;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.AccountSpec;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.ManageAccountsUseCase.OnRemoval;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Accounts are data, not wiring: added, re-keyed and removed while the core serves the others. */
@Timeout(60)
class RuntimeAccountsTest {

    private final CoreFixture fixture = new CoreFixture();
    private final SessionService core = fixture.onCoreThreads(RenewalSettings.defaults(), null).build();

    @AfterEach
    void stop() {
        fixture.broker.open();
        core.close();
    }

    private static ClientCode code(int n) {
        return ClientCode.of(String.format("R%07d", n));
    }

    private static Credentials credentials(ClientCode account, String pin) {
        return new Credentials(ApiKey.of("TenantKey" + account.value()), account, Pin.of(pin));
    }

    @Test
    void oneHundredAccountsAddedAndRemovedFromEightThreadsWhileThirtyTwoThreadsAskForTheOthersTokens()
            throws Exception {
        List<ClientCode> staying = IntStream.range(0, 10).mapToObj(RuntimeAccountsTest::code).toList();
        staying.forEach(account -> {
            fixture.broker.account(credentials(account, "1234"));
            core.addAccount(AccountSpec.of(credentials(account, "1234")));
        });
        List<AccessToken> first = staying.stream().map(core::accessToken).toList();
        ExecutorService threads = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    go.await();
                    for (int n = 100 + thread; n < 200; n += 8) {
                        core.addAccount(AccountSpec.of(credentials(code(n), "1234")));
                        core.removeAccount(code(n), n % 2 == 0 ? OnRemoval.LOG_OUT : OnRemoval.KEEP_SESSION);
                    }
                    return null;
                }));
            }
            for (int t = 0; t < 32; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 2_000; i++) {
                        ClientCode account = staying.get((thread + i) % staying.size());
                        assertThat(core.accessToken(account)).isSameAs(first.get(staying.indexOf(account)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> each : work) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fixture.broker.calls(LOGIN)).as("one login per staying account, none caused by the churn")
                .isEqualTo(staying.size());
        List<ClientCode> expected = new ArrayList<>(staying);
        expected.add(ACCOUNT);
        assertThat(core.accounts()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCredentialReplacementRacingARenewalSavesAndHandsOutNothingFromTheOldCredentials() throws Exception {
        List<Credentials> loggedInWith = new CopyOnWriteArrayList<>();
        AuthenticationPort recording = new RecordingLogins(fixture, loggedInWith);
        fixture.broker.account(credentials(code(1), "1111"));
        core.addAccount(AccountSpec.of(credentials(code(1), "1111")).withBroker(recording, fixture.broker));
        fixture.broker.hold();
        CompletableFuture<Object> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return core.accessToken(code(1));
            } catch (RuntimeException e) {
                return e;
            }
        });
        fixture.broker.awaitHeldCalls(1);

        // The user changed the MPIN at the broker: the held login with the old one is refused.
        fixture.broker.account(credentials(code(1), "2222"));
        core.replaceCredentials(AccountSpec.of(credentials(code(1), "2222")).withBroker(recording, fixture.broker));
        fixture.broker.open();

        assertThat(asked.get(10, TimeUnit.SECONDS)).isInstanceOf(SessionExpiredException.class)
                .extracting(error -> ((Throwable) error).getMessage()).asString()
                .contains("credentials of R0000001 were replaced");
        assertThat(fixture.store.peek(code(1))).as("nothing from the old credentials was saved").isEmpty();
        fixture.clock.advance(java.time.Duration.ofSeconds(30));
        AccessToken renewed = core.accessToken(code(1));
        assertThat(renewed).as("the refused old MPIN did not block the new one").isNotNull();
        assertThat(loggedInWith).extracting(c -> c.pin().reveal()).containsExactly("1111", "2222");
    }

    @Test
    void replacingTheCredentialsOfABlockedAccountUnblocksIt() {
        fixture.broker.account(credentials(code(2), "2222"));
        core.addAccount(AccountSpec.of(credentials(code(2), "1111")));
        assertThatThrownBy(() -> core.accessToken(code(2))).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> core.accessToken(code(2))).as("blocked: no second try")
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);

        core.replaceCredentials(AccountSpec.of(credentials(code(2), "2222")));
        fixture.clock.advance(java.time.Duration.ofSeconds(30));

        assertThat(core.accessToken(code(2))).isNotNull();
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void aRemovedAccountsHandleFailsNamingItAndItsRenewalInFlightEndsWithADeclaredError() throws Exception {
        fixture.broker.account(credentials(code(3), "1111"));
        core.addAccount(AccountSpec.of(credentials(code(3), "1111")));
        AccountTokens handle = core.forAccount(code(3));
        fixture.broker.hold();
        CompletableFuture<Object> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return handle.accessToken();
            } catch (RuntimeException e) {
                return e;
            }
        });
        fixture.broker.awaitHeldCalls(1);

        core.removeAccount(code(3), OnRemoval.KEEP_SESSION);

        assertThat(asked.get(10, TimeUnit.SECONDS)).isInstanceOf(ConfigurationException.class)
                .extracting(error -> ((Throwable) error).getMessage()).asString().contains("R0000003 was removed");
        fixture.broker.open();
        assertThatThrownBy(handle::accessToken).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("R0000003 was removed");
        assertThatThrownBy(() -> core.accessToken(code(3))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no account R0000003 is configured");
    }

    @Test
    void badInputIsADeclaredErrorNamingTheAccountAndNoSecret() {
        fixture.broker.account(credentials(code(4), "4321"));
        core.addAccount(AccountSpec.of(credentials(code(4), "4321")));

        assertThatThrownBy(() -> core.addAccount(AccountSpec.of(credentials(code(4), "9876"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("R0000004 is already configured")
                .hasMessageNotContaining("9876").hasMessageNotContaining("TenantKey");
        assertThatThrownBy(() -> core.removeAccount(code(5), OnRemoval.LOG_OUT))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no account R0000005");
        assertThatThrownBy(() -> core.replaceCredentials(AccountSpec.of(credentials(code(5), "9876"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no account R0000005")
                .hasMessageNotContaining("9876");
        assertThat(core.accessToken(code(4))).as("nothing running was disturbed").isNotNull();
    }

    @Test
    void anAccountWithItsOwnTotpSourceUsesItNotTheDefault() {
        StepCodes own = new StepCodes();
        fixture.broker.account(credentials(code(6), "1111"));
        core.addAccount(AccountSpec.of(credentials(code(6), "1111")).withCodes(own));

        core.accessToken(code(6));

        assertThat(own.stepsAsked()).hasSize(1);
        assertThat(fixture.codes.stepsAsked()).as("the default source was not asked").isEmpty();
    }

    @Test
    void theAsyncTokenOfAFreshSessionCompletesAtOnceOnTheCallingThread() {
        AccountTokens handle = core.forAccount(ACCOUNT);
        AccessToken token = handle.accessToken();
        Thread caller = Thread.currentThread();

        CompletableFuture<AccessToken> async = handle.accessTokenAsync();
        CompletableFuture<Thread> ranOn = async.thenApply(any -> Thread.currentThread());

        assertThat(async).isCompletedWithValue(token);
        assertThat(ranOn.getNow(null)).as("no hand-off to another thread").isSameAs(caller);
    }

    @Test
    void theAsyncTokenOfAnAbsentSessionNeverBlocksTheCallerAndCompletesWithTheRenewal() throws Exception {
        AccountTokens handle = core.forAccount(ACCOUNT);
        fixture.broker.hold();

        CompletableFuture<AccessToken> async = handle.accessTokenAsync();
        fixture.broker.awaitHeldCalls(1);
        assertThat(async).as("returned while the login is still held").isNotDone();
        fixture.broker.open();

        assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(handle.accessToken());
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void aFixedProviderIsAPlatformsTestDoubleThatNeverRenews() {
        AccessToken token = AccessToken.withoutExpiry("fixed-test-token");
        AccessTokenProvider provider = AccessTokenProvider.fixed(token);

        assertThat(provider.accessToken()).isSameAs(token);
        assertThat(provider.accessTokenAsync()).isCompletedWithValue(token);
    }

    @Test
    void anAccountAddedAtRuntimeIsServedLikeAConfiguredOne() {
        fixture.broker.account(credentials(code(7), "1111"));
        core.addAccount(AccountSpec.of(credentials(code(7), "1111")));

        assertThat(core.accessToken(code(7))).isNotNull();
        assertThat(core.profile(AccountCommand.of(code(7))).clientCode()).isEqualTo(code(7));
        assertThat(core.accounts()).contains(ACCOUNT, code(7));
    }

    /** Passes logins to the fake broker, remembering the credentials each was made with. */
    private record RecordingLogins(CoreFixture fixture, List<Credentials> loggedInWith) implements AuthenticationPort {
        @Override
        public TokenSet login(Credentials credentials, TotpCode code) {
            loggedInWith.add(credentials);
            return fixture.broker.login(credentials, code);
        }

        @Override
        public TokenSet refresh(Credentials account, TokenSet current) {
            return fixture.broker.refresh(account, current);
        }

        @Override
        public void logout(Credentials account, AccessToken accessToken) {
            fixture.broker.logout(account, accessToken);
        }
    }
}
