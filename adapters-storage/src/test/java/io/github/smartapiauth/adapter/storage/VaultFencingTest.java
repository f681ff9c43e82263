package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionLease;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault refuses a write under a lease older than the newest grant kept in the lock file,
 * even before the newer holder wrote anything, and across lease instances on one directory.
 */
class VaultFencingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private FileSessionStore store(Path directory) {
        return FileSessionStore.builder(directory).passphrase("p".toCharArray()).argon2id(TestSessions.CHEAP).build();
    }

    @Test
    void aWriteUnderAReleasedLeaseIsRefusedOnceAnotherInstanceHoldsTheNewerGrant() throws Exception {
        Path directory = root.resolve("vault");
        FileSessionStore store = store(directory);
        TestSessions.save(store, TestSessions.session(A, 1));
        Lease stale = new FileSessionLease(directory).acquire(A, WAIT);
        stale.close();

        try (Lease newer = new FileSessionLease(directory).acquire(A, WAIT)) {
            assertThatThrownBy(() -> store.save(TestSessions.session(A, 2), stale))
                    .isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(A.value()).hasMessageContaining("newer renewer holds the lease")
                    .hasMessageNotContaining("access-").hasMessageNotContaining("refresh-");
            assertThatThrownBy(() -> store.delete(A, stale)).isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("newer renewer holds the lease");
            store.save(TestSessions.session(A, 3), newer);
        }
        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(3);
    }

    @Test
    void aWriteUnderAReleasedLeaseIsRefusedAfterANewerGrantWasReleasedToo() throws Exception {
        Path directory = root.resolve("vault");
        FileSessionStore store = store(directory);
        Lease stale = new FileSessionLease(directory).acquire(A, WAIT);
        stale.close();
        new FileSessionLease(directory).acquire(A, WAIT).close();

        assertThatThrownBy(() -> store.save(TestSessions.session(A, 1), stale))
                .isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("fencing token " + (stale.fencingToken() + 1));
        assertThat(store.load(A)).isEmpty();
    }

    @Test
    void aReleasedLeaseThatIsStillTheNewestGrantMayWrite() throws Exception {
        Path directory = root.resolve("vault");
        FileSessionStore store = store(directory);
        Lease last = new FileSessionLease(directory).acquire(A, WAIT);
        last.close();

        store.save(TestSessions.session(A, 1), last);

        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(1);
    }

    @Test
    void aMissingLockFileCountsAsNoGrant() throws Exception {
        Path directory = root.resolve("vault");
        FileSessionStore store = store(directory);
        try (Lease fromMemory = new InMemorySessionLease().acquire(A, WAIT)) {
            store.save(TestSessions.session(A, 1), fromMemory);
        }
        assertThat(Files.exists(directory.resolve("A1234567.lock"))).isFalse();
        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(1);
    }

    @Test
    void aLinkedLockFileIsNeverReadAndTheWriteIsRefused() throws Exception {
        Path directory = Files.createDirectories(root.resolve("vault"));
        FileSessionStore store = store(directory);
        Path elsewhere = Files.writeString(root.resolve("someone-elses-file"), "not a counter");
        Files.createSymbolicLink(directory.resolve("A1234567.lock"), elsewhere);
        try (Lease fromMemory = new InMemorySessionLease().acquire(A, WAIT)) {
            assertThatThrownBy(() -> store.save(TestSessions.session(A, 1), fromMemory))
                    .isExactlyInstanceOf(SessionStoreException.class).hasMessageContaining("symbolic link");
        }
        assertThat(store.load(A)).isEmpty();
    }
}
