package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child JVM of {@link CrossProcessLeaseTest}: takes the file lease of account A, prints
 * {@code held <token>}, releases it when told {@code release}, prints {@code released}.
 */
public final class LeaseHolderChild {

    private LeaseHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        FileSessionLease lease = new FileSessionLease(Path.of(args[0]));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Lease held = lease.acquire(TestSessions.A, Duration.ofSeconds(30))) {
            System.out.println("held " + held.fencingToken());
            System.out.flush();
            stdin.readLine();
        }
        System.out.println("released");
        System.out.flush();
    }
}
