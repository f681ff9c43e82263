package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import java.time.Clock;

/**
 * The validated configuration, the clock and the sleeper, for the other modules. The sleeper is how
 * the core waits (TOTP step boundaries, retry backoff); it must agree with the clock, so a simulation
 * that runs a compressed clock passes one that waits on that clock. Both are bound {@link Internal}, so a
 * host injector's own {@code Clock} never clashes; {@link OwnedResources} collects what must be closed.
 */
public final class ConfigModule extends AbstractModule {

    private final SmartApiAuthConfig config;
    private final Clock clock;
    private final Sleeper sleeper;

    public ConfigModule(SmartApiAuthConfig config, Clock clock) {
        this(config, clock, Sleeper.system());
    }

    public ConfigModule(SmartApiAuthConfig config, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    protected void configure() {
        bind(SmartApiAuthConfig.class).toInstance(config);
        bind(Clock.class).annotatedWith(Internal.class).toInstance(clock);
        bind(Sleeper.class).annotatedWith(Internal.class).toInstance(sleeper);
        bind(OwnedResources.class).toInstance(new OwnedResources());
    }

    @Provides
    HttpSettings http(SmartApiAuthConfig config) {
        return config.http();
    }

    @Provides
    RenewalSettings renewal(SmartApiAuthConfig config) {
        return config.renewal();
    }
}
