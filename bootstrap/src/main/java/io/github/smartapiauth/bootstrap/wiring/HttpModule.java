package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.ProfilePort;

/**
 * SmartAPI over HTTP: one client serves both the authentication and the profile port, built at the
 * first call to the broker (a process that only reads a stored FRESH session never builds it).
 */
public final class HttpModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AuthenticationPort.class).to(SmartApiClientOnFirstCall.class);
        bind(ProfilePort.class).to(SmartApiClientOnFirstCall.class);
    }

    @Provides
    @Singleton
    SmartApiClientOnFirstCall client(HttpSettings settings, OwnedResources owned, MetricsPort metrics) {
        return owned.register(new SmartApiClientOnFirstCall(settings, metrics));
    }
}
