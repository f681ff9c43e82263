package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
