package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file lease excludes other processes, is released by the holder's death, and its token grows across them. */
class CrossProcessLeaseTest {

    @TempDir
    Path root;

    @Test
    void anotherProcessWaitsForTheHolderAndGetsAGreaterToken() throws Exception {
        Path directory = root.resolve("vault");
        FileSessionLease lease = new FileSessionLease(directory);
        try (ChildJvm holder = ChildJvm.start(LeaseHolderChild.class, root.resolve("child.err"), directory.toString())) {
            String held = holder.nextLine(Duration.ofSeconds(60));
            assertThat(held).startsWith("held ");
            long holderToken = Long.parseLong(held.substring(5));

            assertThatThrownBy(() -> lease.acquire(A, Duration.ofMillis(200)))
                    .isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("another process holds it");

            holder.send("release");
            assertThat(holder.nextLine(Duration.ofSeconds(60))).isEqualTo("released");
            try (Lease mine = lease.acquire(A, Duration.ofSeconds(30))) {
                assertThat(mine.fencingToken()).isEqualTo(holderToken + 1);
            }
        }
    }

    @Test
    void aHolderKilledWithSigkillLeavesNoStaleLock() throws Exception {
        Path directory = root.resolve("vault");
        try (ChildJvm holder = ChildJvm.start(LeaseHolderChild.class, root.resolve("child.err"), directory.toString())) {
            assertThat(holder.nextLine(Duration.ofSeconds(60))).startsWith("held ");
            holder.kill();
        }
        try (Lease mine = new FileSessionLease(directory).acquire(A, Duration.ofSeconds(30))) {
            assertThat(mine.fencingToken()).isEqualTo(2);
        }
    }
}
