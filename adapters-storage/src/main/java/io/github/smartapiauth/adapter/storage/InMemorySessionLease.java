package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One renewer per account among the threads of this process (for a single process with an in-memory store). */
public final class InMemorySessionLease implements SessionLeasePort {

    private final ConcurrentMap<ClientCode, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(account, "account");
        Account state = accounts.computeIfAbsent(account, any -> new Account());
        if (!state.permit.tryAcquire(SaturatedNanos.of(maxWait), TimeUnit.NANOSECONDS)) {
            throw new SessionStoreException("the renewal lease of " + account + " was not granted within " + maxWait
                    + ": another thread holds it and is still renewing");
        }
        long token = state.grants.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return new Lease() {
            @Override
            public long fencingToken() {
                return token;
            }

            @Override
            public void close() {
                if (released.compareAndSet(false, true)) {
                    state.permit.release();
                }
            }
        };
    }

    private static final class Account {
        final Semaphore permit = new Semaphore(1, true);
        final AtomicLong grants = new AtomicLong();
    }
}
