package io.github.smartapiauth.bootstrap;

import com.google.inject.Module;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.application.port.in.AdoptStoredSessionUseCase;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase;
import io.github.smartapiauth.application.port.in.GetHealthUseCase;
import io.github.smartapiauth.application.port.in.GetProfileUseCase;
import io.github.smartapiauth.application.port.in.GetSessionStatusUseCase;
import io.github.smartapiauth.application.port.in.LogOutUseCase;
import io.github.smartapiauth.application.port.in.OpenSessionUseCase;
import io.github.smartapiauth.application.port.in.RefreshSessionUseCase;
import io.github.smartapiauth.application.port.in.ReportRejectedTokenUseCase;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.events.SessionEventHub;
import io.github.smartapiauth.bootstrap.wiring.ConfigModule;
import io.github.smartapiauth.bootstrap.wiring.CoreModule;
import io.github.smartapiauth.bootstrap.wiring.EventsModule;
import io.github.smartapiauth.bootstrap.wiring.GeneratedTotpModule;
import io.github.smartapiauth.bootstrap.wiring.HttpModule;
import io.github.smartapiauth.bootstrap.wiring.Internal;
import io.github.smartapiauth.bootstrap.wiring.MemoryStoreModule;
import io.github.smartapiauth.bootstrap.wiring.OwnedResources;
import io.github.smartapiauth.bootstrap.wiring.PerAccountTotpModule;
import io.github.smartapiauth.bootstrap.wiring.RedisModule;
import io.github.smartapiauth.bootstrap.wiring.TypedTotpModule;
import io.github.smartapiauth.bootstrap.wiring.VaultModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything, for platforms already on Guice: install it next to your own bindings and inject
 * {@link SmartApiAuth} (close it when your application stops: it stops every thread and connection
 * the library started), the use cases ({@code GetAccessTokenUseCase}, {@code LogOutUseCase}, ...) or
 * {@code SessionService}.
 *
 * <p>A good guest: it is a {@link PrivateModule} that exposes only those types. Its own clock,
 * sleeper, adapters and settings stay private (and general types such as {@code Clock} are bound
 * {@code @Internal}), so a host that binds {@code Clock}, an {@code Executor}, an {@code ObjectMapper}
 * or a {@code Sleeper} keeps them, and the library keeps its own.
 *
 * <p>The adapters are chosen here, from the configuration, by composing modules; no module decides
 * anything inside {@code configure()}. To swap an adapter (a test double, your own store), compose
 * {@link #core(SmartApiAuthConfig, Clock, SessionEventHub)} with your own modules instead.
 *
 * <p>Meters: compose one more module, {@code new MetricsModule(MicrometerMetrics.of(registry))} (see
 * {@link io.github.smartapiauth.bootstrap.wiring.MetricsModule}), e.g. through {@link #of(List)} or
 * {@link #withMetrics(MetricsPort)}.
 */
public final class SmartApiAuthModule extends PrivateModule {

    /** The types a host injector sees. */
    private static final List<Class<?>> EXPOSED = List.of(SmartApiAuth.class, SessionService.class,
            SessionEventHub.class, OpenSessionUseCase.class, AdoptStoredSessionUseCase.class,
            GetAccessTokenUseCase.class, RefreshSessionUseCase.class, ReportRejectedTokenUseCase.class,
            LogOutUseCase.class, GetProfileUseCase.class, GetSessionStatusUseCase.class, GetHealthUseCase.class);

    private final List<Module> modules;

    private SmartApiAuthModule(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /** The production wiring for {@code config}: HTTP, TOTP from the secret (or typed on the console), the configured store. */
    public static SmartApiAuthModule production(SmartApiAuthConfig config) {
        return production(config, Clock.systemUTC(), new SessionEventHub());
    }

    public static SmartApiAuthModule production(SmartApiAuthConfig config, Clock clock, SessionEventHub events) {
        return production(config, clock, Sleeper.system(), events);
    }

    /** The production wiring, waiting with {@code sleeper} (which must agree with {@code clock}). */
    public static SmartApiAuthModule production(SmartApiAuthConfig config, Clock clock, Sleeper sleeper,
                                                SessionEventHub events) {
        List<Module> modules = new ArrayList<>(core(config, clock, sleeper, events));
        modules.add(new HttpModule());
        modules.add(totpModuleFor(config));
        modules.add(storeModuleFor(config));
        return new SmartApiAuthModule(modules);
    }

    /** The core alone (configuration, clock, events, session service): add adapter modules of your choice. */
    public static List<Module> core(SmartApiAuthConfig config, Clock clock, SessionEventHub events) {
        return core(config, clock, Sleeper.system(), events);
    }

    /** The core alone, waiting with {@code sleeper} (which must agree with {@code clock}). */
    public static List<Module> core(SmartApiAuthConfig config, Clock clock, Sleeper sleeper, SessionEventHub events) {
        return List.of(new ConfigModule(config, clock, sleeper), new EventsModule(events), new CoreModule());
    }

    /** The given modules as one. */
    public static SmartApiAuthModule of(List<Module> modules) {
        return new SmartApiAuthModule(modules);
    }

    /**
     * Generated codes when every account has a TOTP secret; typed in at the console when none has;
     * otherwise chosen per account ({@link PerAccountTotpModule}).
     */
    public static Module totpModuleFor(SmartApiAuthConfig config) {
        long withSecrets = config.accounts().stream().filter(account -> account.totpKey().isPresent()).count();
        if (withSecrets == config.accounts().size()) {
            return new GeneratedTotpModule();
        }
        return withSecrets == 0 ? TypedTotpModule.onConsole() : new PerAccountTotpModule();
    }

    public static Module storeModuleFor(SmartApiAuthConfig config) {
        if (config.store() instanceof SmartApiAuthConfig.VaultStore vault) {
            return new VaultModule(vault);
        }
        if (config.store() instanceof SmartApiAuthConfig.RedisStore redis) {
            return new RedisModule(redis);
        }
        return new MemoryStoreModule();
    }

    /** This wiring, measured through {@code metrics} (one more module composed in). */
    public SmartApiAuthModule withMetrics(MetricsPort metrics) {
        List<Module> measured = new ArrayList<>(modules);
        measured.add(new io.github.smartapiauth.bootstrap.wiring.MetricsModule(metrics));
        return new SmartApiAuthModule(measured);
    }

    /** The modules inside, for tests of the private wiring (which adapter was chosen). */
    List<Module> modules() {
        return modules;
    }

    @Override
    protected void configure() {
        modules.forEach(this::install);
        EXPOSED.forEach(this::expose);
    }

    @Provides
    @Singleton
    SmartApiAuth facade(SmartApiAuthConfig config, SessionService sessions, SessionEventHub events,
                        OwnedResources owned, @Internal Clock clock, MetricsPort metrics) {
        return new SmartApiAuth(config, sessions, events, owned, clock, metrics);
    }
}
