package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionLease;
import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The production {@link InMemorySessionLease}, counting the leases it granted. */
public final class InMemoryLease implements SessionLeasePort {

    private final InMemorySessionLease leases = new InMemorySessionLease();
    private final AtomicLong grants = new AtomicLong();

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Lease granted = leases.acquire(account, maxWait);
        grants.incrementAndGet();
        return granted;
    }

    /** How many leases were granted, over every account. */
    public long grants() {
        return grants.get();
    }
}
