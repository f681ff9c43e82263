package io.github.smartapiauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import io.github.smartapiauth.adapter.storage.FileSessionLease;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker;
import io.github.smartapiauth.application.fake.InMemoryLease;
import io.github.smartapiauth.application.fake.InMemoryStore;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.in.AdoptStoredSessionUseCase;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase;
import io.github.smartapiauth.application.port.in.GetProfileUseCase;
import io.github.smartapiauth.application.port.in.GetSessionStatusUseCase;
import io.github.smartapiauth.application.port.in.LogOutUseCase;
import io.github.smartapiauth.application.port.in.OpenSessionUseCase;
import io.github.smartapiauth.application.port.in.RefreshSessionUseCase;
import io.github.smartapiauth.application.port.in.ReportRejectedTokenUseCase;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.wiring.SmartApiClientOnFirstCall;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringTest {

    @TempDir
    Path vaultDir;

    private SmartApiAuthConfig config(SmartApiAuthConfig.Store store) {
        SmartApiAuthConfig.Account account = new SmartApiAuthConfig.Account(CoreFixture.credentials(CoreFixture.ACCOUNT),
                Optional.of(new TotpKeyLoader(name -> null, TotpParameters.smartApi())
                        .fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").key()));
        return new SmartApiAuthConfig(List.of(account), HttpSettings.forBaseUrl("http://127.0.0.1:9"),
                RenewalSettings.defaults(), store, List.of());
    }

    @Test
    void theProductionWiringChoosesTheHttpClientGeneratedCodesAndTheVaultWithoutTouchingTheNetworkOrDisk() {
        SmartApiAuthConfig.VaultStore vault = new SmartApiAuthConfig.VaultStore(vaultDir.resolve("vault"),
                Optional.of("a passphrase".toCharArray()), Optional.empty(), Argon2idParameters.OWASP_MINIMUM);
        Injector wiring = Guice.createInjector(SmartApiAuthModule.production(config(vault)).modules());

        assertThat(wiring.getInstance(AuthenticationPort.class)).isInstanceOf(SmartApiClientOnFirstCall.class)
                .isSameAs(wiring.getInstance(ProfilePort.class));
        assertThat(wiring.getInstance(SmartApiClientOnFirstCall.class).built())
                .as("the HTTP client (Feign, Jackson, the JDK HttpClient, TLS) is built at the first broker call").isFalse();
        assertThat(wiring.getInstance(OneTimePasswordPort.class)).isInstanceOf(GeneratedTotpAdapter.class);
        assertThat(wiring.getInstance(SessionStorePort.class)).isInstanceOf(FileSessionStore.class);
        assertThat(wiring.getInstance(SessionLeasePort.class)).isInstanceOf(FileSessionLease.class);
        assertThat(wiring.getInstance(GetAccessTokenUseCase.class)).isSameAs(wiring.getInstance(SessionService.class));
        assertThat(vaultDir.resolve("vault")).doesNotExist();
    }

    @Test
    void anHttpClientFirstCalledAfterItsOwnerClosedItFailsAsAClosedClientDoes() {
        SmartApiClientOnFirstCall client = new SmartApiClientOnFirstCall(HttpSettings.forBaseUrl("http://127.0.0.1:9"),
                io.github.smartapiauth.application.port.out.MetricsPort.NONE);
        client.close();

        assertThatThrownBy(() -> client.logout(CoreFixture.credentials(CoreFixture.ACCOUNT),
                io.github.smartapiauth.domain.token.AccessToken.withoutExpiry("a.b.c")))
                .isInstanceOf(io.github.smartapiauth.domain.error.ConfigurationException.class)
                .hasMessageContaining("was closed");
        assertThat(client.built()).isTrue();
    }

    @Test
    void aHostInjectorSeesTheFacadeTheCoreAndTheUseCasesButNoneOfTheAdapters() {
        Injector host = Guice.createInjector(SmartApiAuthModule.production(config(new SmartApiAuthConfig.MemoryStore())));

        for (Class<?> type : List.of(SmartApiAuth.class, SessionService.class, OpenSessionUseCase.class,
                GetAccessTokenUseCase.class, RefreshSessionUseCase.class, ReportRejectedTokenUseCase.class,
                LogOutUseCase.class, GetProfileUseCase.class, GetSessionStatusUseCase.class,
                AdoptStoredSessionUseCase.class)) {
            assertThat(host.getExistingBinding(Key.get(type))).as(type.getSimpleName()).isNotNull();
        }
        for (Class<?> type : List.of(AuthenticationPort.class, ProfilePort.class, OneTimePasswordPort.class,
                SessionStorePort.class, SessionLeasePort.class, java.time.Clock.class,
                io.github.smartapiauth.application.service.Sleeper.class)) {
            assertThat(host.getExistingBinding(Key.get(type))).as(type.getSimpleName() + " stays private").isNull();
        }
        assertThat(host.getInstance(GetAccessTokenUseCase.class)).isSameAs(host.getInstance(SmartApiAuth.class).sessions());
        host.getInstance(SmartApiAuth.class).close();
    }

    @Test
    void aRedisStoreIsWiredWithoutConnecting() {
        SmartApiAuthConfig.RedisStore redis = new SmartApiAuthConfig.RedisStore(
                java.net.URI.create("redis://127.0.0.1:9/0"), new byte[32]);
        Injector wiring = Guice.createInjector(SmartApiAuthModule.production(config(redis)).modules());

        assertThat(wiring.getInstance(SessionStorePort.class).describe()).startsWith("Redis redis://127.0.0.1:9/0");
        assertThat(wiring.getInstance(SessionLeasePort.class).getClass().getSimpleName()).isEqualTo("RedisSessionLease");
        assertThat(wiring.getInstance(AdoptStoredSessionUseCase.class)).isSameAs(wiring.getInstance(SessionService.class));
        wiring.getInstance(io.github.smartapiauth.bootstrap.wiring.OwnedResources.class).close();
    }

    @Test
    void testAdaptersAreSwappedInByComposingModules() {
        CoreFixture fixture = new CoreFixture();
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        AbstractModule fakes = new AbstractModule() {
            @Override
            protected void configure() {
                bind(AuthenticationPort.class).toInstance(fixture.broker);
                bind(ProfilePort.class).toInstance(fixture.broker);
                bind(OneTimePasswordPort.class).toInstance(new StepCodes());
                bind(SessionStorePort.class).toInstance(new InMemoryStore());
                bind(SessionLeasePort.class).toInstance(new InMemoryLease());
            }
        };

        try (SmartApiAuth auth = SmartApiAuth.builder().config(config(new SmartApiAuthConfig.MemoryStore()))
                .clock(fixture.clock).listener(events::add).adapters(fakes).build()) {
            assertThat(auth.accessToken()).startsWith("access-A1234567-");
            assertThat(auth.headers()).containsEntry("X-PrivateKey", "TestApiKey1")
                    .containsEntry("Authorization", "Bearer " + auth.accessToken())
                    .containsEntry("Content-Type", "application/json").containsEntry("X-UserType", "USER")
                    .containsKeys("Accept", "X-SourceID", "X-ClientLocalIP", "X-ClientPublicIP", "X-MACAddress");
            assertThat(auth.profile().clientCode()).isEqualTo(CoreFixture.ACCOUNT);
            assertThat(auth.logout().serverConfirmed()).isTrue();
        }
        assertThat(fixture.broker.calls(FakeBroker.Operation.LOGIN)).isEqualTo(1);
        assertThat(events).hasAtLeastOneElementOfType(SessionEvent.Opened.class)
                .hasAtLeastOneElementOfType(SessionEvent.LoggedOut.class);
    }

    @Test
    void theFacadeWaitsForTheNextTotpStepWithTheGivenSleeperNotInRealTime() {
        // 28.5 s into a 30 s step: under the 2 s minimum, so the login waits for the next step.
        CoreFixture fixture = new CoreFixture(java.time.Instant.parse("2026-11-24T03:45:28.500Z"));
        List<Duration> waits = new ArrayList<>();
        AbstractModule fakes = new AbstractModule() {
            @Override
            protected void configure() {
                bind(AuthenticationPort.class).toInstance(fixture.broker);
                bind(ProfilePort.class).toInstance(fixture.broker);
                bind(OneTimePasswordPort.class).toInstance(fixture.codes);
                bind(SessionStorePort.class).toInstance(new InMemoryStore());
                bind(SessionLeasePort.class).toInstance(new InMemoryLease());
            }
        };

        try (SmartApiAuth auth = SmartApiAuth.builder().config(config(new SmartApiAuthConfig.MemoryStore()))
                .clock(fixture.clock).sleeper(duration -> {
                    waits.add(duration);
                    fixture.clock.advance(duration);
                }).adapters(fakes).build()) {
            assertThat(auth.accessToken()).startsWith("access-A1234567-");
            assertThat(auth.headers()).containsEntry("X-PrivateKey", "TestApiKey1")
                    .containsEntry("Authorization", "Bearer " + auth.accessToken())
                    .containsEntry("Content-Type", "application/json").containsEntry("X-UserType", "USER")
                    .containsKeys("Accept", "X-SourceID", "X-ClientLocalIP", "X-ClientPublicIP", "X-MACAddress");
        }
        assertThat(waits).containsExactly(Duration.ofMillis(1500));
        assertThat(fixture.codes.stepsAsked()).containsExactly(
                java.time.Instant.parse("2026-11-24T03:45:30Z").getEpochSecond() / 30);
    }
}
