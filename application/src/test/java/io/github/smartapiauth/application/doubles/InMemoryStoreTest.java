package io.github.smartapiauth.application.doubles;

import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.fake.InMemoryStore;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.fake.InMemoryLease;

/** The test-jar's store fake keeps the store contract, as the production store it wraps does. */
class InMemoryStoreTest extends SessionStorePortContract {

    @Override
    protected SessionStorePort newStore() {
        return new InMemoryStore();
    }

    @Override
    protected SessionStorePort reopen(SessionStorePort store) {
        return store;
    }

    @Override
    protected SessionLeasePort newLease(SessionStorePort store) {
        return new InMemoryLease();
    }
}
