package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import java.time.Clock;

/** The validated configuration and the clock, for the other modules. */
public final class ConfigModule extends AbstractModule {

    private final SmartApiAuthConfig config;
    private final Clock clock;

    public ConfigModule(SmartApiAuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(SmartApiAuthConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
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
