package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.Duration;

/**
 * One renewer per account at a time, across threads and, for shared adapters, processes.
 * The holder re-reads the store before renewing, so a waiter takes up the session the
 * previous holder saved instead of renewing again.
 */
public interface SessionLeasePort {

    /**
     * Waits up to {@code maxWait} for the account's lease.
     *
     * @throws io.github.smartapiauth.domain.error.SessionStoreException when the lease could
     *     not be had in time or the lock failed
     * @throws InterruptedException when the waiting thread was interrupted
     */
    Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException;

    /** A held lease; {@link #close()} releases it and never throws. */
    interface Lease extends AutoCloseable {

        /** Grows with every grant of the account's lease, so stores can refuse writes from a stale holder. */
        long fencingToken();

        @Override
        void close();
    }
}
