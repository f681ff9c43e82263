package io.github.smartapiauth.application.port.out.memory;

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

/**
 * One renewer per account among the threads of this process (for a single process with an
 * in-memory store). It lives next to the ports, not in an adapter module, because it needs
 * nothing but the JDK and the application's test-jar builds its lease fake on it.
 */
public final class InMemorySessionLease implements SessionLeasePort {

    private final ConcurrentMap<ClientCode, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(account, "account");
        Account state = accounts.computeIfAbsent(account, any -> new Account());
        if (!state.permit.tryAcquire(nanos(maxWait), TimeUnit.NANOSECONDS)) {
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

    /** The wait in nanoseconds, saturated so that a huge or negative wait cannot overflow. */
    private static long nanos(Duration wait) {
        if (wait.isNegative()) {
            return 0;
        }
        try {
            return wait.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static final class Account {
        final Semaphore permit = new Semaphore(1, true);
        final AtomicLong grants = new AtomicLong();
    }
}
