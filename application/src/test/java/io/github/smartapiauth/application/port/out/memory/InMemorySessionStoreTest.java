package io.github.smartapiauth.application.port.out.memory;

import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;

class InMemorySessionStoreTest extends SessionStorePortContract {

    @Override
    protected SessionStorePort newStore() {
        return new InMemorySessionStore();
    }

    @Override
    protected SessionStorePort reopen(SessionStorePort store) {
        return store;
    }

    @Override
    protected SessionLeasePort newLease(SessionStorePort store) {
        return new InMemorySessionLease();
    }
}
