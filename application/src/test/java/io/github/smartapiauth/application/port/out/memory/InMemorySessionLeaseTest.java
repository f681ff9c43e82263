package io.github.smartapiauth.application.port.out.memory;

import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;

class InMemorySessionLeaseTest extends SessionLeasePortContract {

    @Override
    protected SessionLeasePort newLease() {
        return new InMemorySessionLease();
    }
}
