package io.github.smartapiauth.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionLeasePort} adapter does among the threads of one process; each
 * adapter's test subclasses it. Uses only the port and the domain.
 */
public abstract class SessionLeasePortContract {

    private static final ClientCode A = ClientCode.of("A1234567");
    private static final ClientCode B = ClientCode.of("B7654321");
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final Duration SHORT = Duration.ofMillis(50);

    protected SessionLeasePort lease;
    private ExecutorService threads;

    protected abstract SessionLeasePort newLease();

    @BeforeEach
    void createLease() {
        lease = newLease();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aReleasedLeaseCanBeHadAgain() throws Exception {
        lease.acquire(A, LONG).close();
        try (Lease again = lease.acquire(A, LONG)) {
            assertThat(again.fencingToken()).isPositive();
        }
    }

    @Test
    void fencingTokensGrowWithEveryGrant() throws Exception {
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            try (Lease held = lease.acquire(A, LONG)) {
                assertThat(held.fencingToken()).isGreaterThan(previous);
                previous = held.fencingToken();
            }
        }
    }

    @Test
    void aHeldLeaseIsNotGrantedToAnotherThreadInTime() throws Exception {
        try (Lease held = lease.acquire(A, LONG)) {
            Future<Lease> other = threads.submit(() -> lease.acquire(A, SHORT));
            assertThatThrownBy(() -> getCause(other)).isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(A.value());
        }
    }

    @Test
    void aWaiterGetsTheLeaseOnceReleasedWithAGreaterToken() throws Exception {
        Lease first = lease.acquire(A, LONG);
        CountDownLatch acquiring = new CountDownLatch(1);
        AtomicLong secondToken = new AtomicLong();
        Thread second = new Thread(() -> {
            acquiring.countDown();
            try (Lease held = lease.acquire(A, LONG)) {
                secondToken.set(held.fencingToken());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "second-acquirer");
        second.start();
        acquiring.await();
        awaitParked(second);
        assertThat(second.isAlive()).as("the waiter is still waiting while the lease is held").isTrue();
        long firstToken = first.fencingToken();
        first.close();
        second.join(20_000);
        assertThat(second.isAlive()).as("the waiter got the lease once released").isFalse();
        assertThat(secondToken.get()).isGreaterThan(firstToken);
    }

    @Test
    void oneHolderAtATime() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] unguarded = new int[1];
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    try (Lease held = lease.acquire(A, LONG)) {
                        if (holders.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        unguarded[0]++;
                        Thread.yield();
                        holders.decrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(unguarded[0]).isEqualTo(100);
    }

    @Test
    void accountsHaveTheirOwnLeases() throws Exception {
        try (Lease a = lease.acquire(A, LONG); Lease b = lease.acquire(B, SHORT)) {
            assertThat(b.fencingToken()).isPositive();
        }
    }

    @Test
    void closeIsIdempotentAndNeverThrows() throws Exception {
        Lease held = lease.acquire(A, LONG);
        held.close();
        held.close();
        try (Lease again = lease.acquire(A, SHORT)) {
            assertThat(again.fencingToken()).isGreaterThan(held.fencingToken());
        }
    }

    @Test
    void anInterruptedWaiterGivesUpAndHoldsNothing() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Lease held = lease.acquire(A, LONG)) {
            CountDownLatch acquiring = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    acquiring.countDown();
                    lease.acquire(A, LONG).close();
                    failure.set(new AssertionError("the lease was granted while held"));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "interrupted-waiter");
            waiter.start();
            acquiring.await();
            awaitParked(waiter);
            waiter.interrupt();
            waiter.join(20_000);
        }
        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        try (Lease again = lease.acquire(A, SHORT)) {
            assertThat(again.fencingToken()).isPositive();
        }
    }

    /**
     * Returns once {@code thread} is parked (WAITING or TIMED_WAITING): called after the thread
     * signalled that it is about to acquire, it shows the thread is blocked waiting for the lease.
     * Fails when the thread ended instead, or did not park within 20 s.
     */
    protected static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError(thread.getName() + " ended instead of waiting for the lease");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " did not wait for the lease; it is " + state);
            }
            Thread.onSpinWait();
        }
    }

    private static Lease getCause(Future<Lease> future) throws Throwable {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
