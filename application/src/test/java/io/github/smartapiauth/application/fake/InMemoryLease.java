package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One lease per account within the process; counts grants. */
public final class InMemoryLease implements SessionLeasePort {

    private final ConcurrentMap<ClientCode, Semaphore> leases = new ConcurrentHashMap<>();
    private final AtomicLong grants = new AtomicLong();

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Semaphore lease = leases.computeIfAbsent(account, any -> new Semaphore(1));
        if (!lease.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new SessionStoreException("the test lease of " + account + " was not granted within " + maxWait);
        }
        long token = grants.incrementAndGet();
        return new Lease() {
            private boolean released;

            @Override
            public long fencingToken() {
                return token;
            }

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    lease.release();
                }
            }
        };
    }

    public long grants() {
        return grants.get();
    }
}
