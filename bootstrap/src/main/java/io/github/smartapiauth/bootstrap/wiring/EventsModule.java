package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.bootstrap.events.SessionEventHub;

/** Session events: logged through SLF4J and handed to the platform's listeners. */
public final class EventsModule extends AbstractModule {

    private final SessionEventHub hub;

    public EventsModule(SessionEventHub hub) {
        this.hub = hub;
    }

    @Override
    protected void configure() {
        bind(SessionEventHub.class).toInstance(hub);
        bind(SessionEventsPort.class).toInstance(hub);
    }
}
