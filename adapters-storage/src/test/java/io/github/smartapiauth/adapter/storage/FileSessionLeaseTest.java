package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionLeaseTest extends SessionLeasePortContract {

    @TempDir
    Path root;

    @Override
    protected SessionLeasePort newLease() {
        return new FileSessionLease(root.resolve("vault"));
    }

    @Test
    void theFencingTokenIsKeptInTheLockFileAcrossInstances() throws Exception {
        long first;
        try (Lease held = lease.acquire(TestSessions.A, Duration.ofSeconds(5))) {
            first = held.fencingToken();
        }
        // As after a restart of the process.
        try (Lease held = new FileSessionLease(root.resolve("vault")).acquire(TestSessions.A, Duration.ofSeconds(5))) {
            assertThat(held.fencingToken()).isEqualTo(first + 1);
        }
        assertThat(Files.size(root.resolve("vault").resolve("A1234567.lock"))).isEqualTo(8);
    }

    @Test
    void aSecondInstanceOnTheSameDirectorySpelledDifferentlyWaitsItsTurn() throws Exception {
        Path vault = Files.createDirectories(root.resolve("vault"));
        takeTurns(new FileSessionLease(vault), new FileSessionLease(vault.resolve("..").resolve("vault")));
    }

    @Test
    void aSecondInstanceThroughASymlinkToTheDirectoryWaitsItsTurn() throws Exception {
        Path vault = Files.createDirectories(root.resolve("vault"));
        Path link;
        try {
            link = Files.createSymbolicLink(root.resolve("link-to-vault"), vault);
        } catch (UnsupportedOperationException | java.io.IOException noSymlinks) {
            Assumptions.abort("this file system has no symbolic links: " + noSymlinks);
            return;
        }
        takeTurns(new FileSessionLease(vault), new FileSessionLease(link));
    }

    /** Thread 1 holds through {@code one}; thread 2 asks through {@code other}, is parked, and is granted after. */
    private static void takeTurns(FileSessionLease one, FileSessionLease other) throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostHolders = new AtomicInteger();
        AtomicLong firstToken = new AtomicLong();
        AtomicLong secondToken = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondAsks = new CountDownLatch(1);

        Thread first = new Thread(() -> {
            try (Lease held = one.acquire(TestSessions.A, Duration.ofSeconds(20))) {
                mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                firstToken.set(held.fencingToken());
                firstHolds.countDown();
                releaseFirst.await();
                holders.decrementAndGet();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                firstHolds.countDown();
            }
        }, "first-holder");
        Thread second = new Thread(() -> {
            secondAsks.countDown();
            try (Lease held = other.acquire(TestSessions.A, Duration.ofSeconds(20))) {
                mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                secondToken.set(held.fencingToken());
                holders.decrementAndGet();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "second-acquirer");

        first.start();
        firstHolds.await();
        assertThat(failure.get()).isNull();
        second.start();
        secondAsks.await();
        awaitParked(second);
        assertThat(secondToken.get()).as("not granted while the first holds it").isZero();

        releaseFirst.countDown();
        first.join(20_000);
        second.join(20_000);
        assertThat(failure.get()).isNull();
        assertThat(first.isAlive() || second.isAlive()).isFalse();
        assertThat(mostHolders).as("holders at once").hasValue(1);
        assertThat(secondToken.get()).isGreaterThan(firstToken.get());
    }
}
