package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.github.smartapiauth.application.port.in.AdoptStoredSessionUseCase;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase;
import io.github.smartapiauth.application.port.in.GetHealthUseCase;
import io.github.smartapiauth.application.port.in.GetProfileUseCase;
import io.github.smartapiauth.application.port.in.GetSessionStatusUseCase;
import io.github.smartapiauth.application.port.in.LogOutUseCase;
import io.github.smartapiauth.application.port.in.OpenSessionUseCase;
import io.github.smartapiauth.application.port.in.RefreshSessionUseCase;
import io.github.smartapiauth.application.port.in.ReportRejectedTokenUseCase;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.port.out.TotpLedgerPort;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.events.Slf4jDiagnosticContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The application core, built in a {@code @Provides} method (the core carries no annotations), and its use cases.
 * Measures nothing unless a {@link MetricsModule} is composed too; renewals and event deliveries carry the
 * account in the SLF4J MDC.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(OpenSessionUseCase.class).to(SessionService.class);
        bind(AdoptStoredSessionUseCase.class).to(SessionService.class);
        bind(GetAccessTokenUseCase.class).to(SessionService.class);
        bind(RefreshSessionUseCase.class).to(SessionService.class);
        bind(ReportRejectedTokenUseCase.class).to(SessionService.class);
        bind(LogOutUseCase.class).to(SessionService.class);
        bind(GetProfileUseCase.class).to(SessionService.class);
        bind(GetSessionStatusUseCase.class).to(SessionService.class);
        bind(GetHealthUseCase.class).to(SessionService.class);
        OptionalBinder.newOptionalBinder(binder(), MetricsPort.class).setDefault().toInstance(MetricsPort.NONE);
        // The vault binds one; other stores (memory, Redis) and embedders' own modules need not.
        OptionalBinder.newOptionalBinder(binder(), TotpLedgerPort.class);
    }

    @Provides
    @Singleton
    SessionService sessions(SmartApiAuthConfig config, AuthenticationPort authentication, ProfilePort profiles,
                            OneTimePasswordPort oneTimePasswords, SessionStorePort store, SessionLeasePort lease,
                            SessionEventsPort events, @Internal Clock clock, @Internal Sleeper sleeper,
                            RenewalSettings settings, OwnedResources owned, MetricsPort metrics,
                            Optional<TotpLedgerPort> totpLedger) {
        SessionService.Builder builder = SessionService.builder()
                .authentication(authentication)
                .profiles(profiles)
                .oneTimePasswords(oneTimePasswords)
                .store(store)
                .lease(lease)
                .events(events)
                .clock(clock)
                .sleeper(sleeper)
                .settings(settings)
                .metrics(metrics)
                .diagnosticContext(new Slf4jDiagnosticContext());
        totpLedger.ifPresent(builder::totpLedger);
        config.accounts().forEach(account -> builder.account(account.credentials()));
        return owned.register(builder.build());
    }
}
