package io.github.smartapiauth.application.doubles;

import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import io.github.smartapiauth.application.fake.InMemoryLease;
import io.github.smartapiauth.application.port.out.SessionLeasePort;

/** The test-jar's lease fake keeps the lease contract, as the production lease it wraps does. */
class InMemoryLeaseTest extends SessionLeasePortContract {

    @Override
    protected SessionLeasePort newLease() {
        return new InMemoryLease();
    }
}
