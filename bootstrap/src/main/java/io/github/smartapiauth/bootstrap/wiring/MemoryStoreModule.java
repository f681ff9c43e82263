package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionLease;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionStore;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;

/** Sessions kept in memory only: every restart logs in again. */
public final class MemoryStoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(SessionStorePort.class).toInstance(new InMemorySessionStore());
        bind(SessionLeasePort.class).toInstance(new InMemorySessionLease());
    }
}
