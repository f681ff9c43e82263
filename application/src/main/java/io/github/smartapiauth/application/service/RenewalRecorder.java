package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.health.LastRenewal;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What one account's renewals did, for the metrics port and the health report: each step (restore,
 * refresh, login attempt) as it ends, and each whole renewal with its duration. Written by the one
 * thread running the account's renewal at a time; the last renewal is read by anyone.
 */
final class RenewalRecorder {

    private final ClientCode account;
    private final MetricsPort metrics;
    private final Clock clock;
    /** System.nanoTime() when the running renewal began, or NOT_RUNNING. */
    private volatile long beganNanos = NOT_RUNNING;
    private volatile RenewalKind lastStep;
    private volatile LastRenewal last;

    private static final long NOT_RUNNING = Long.MIN_VALUE;

    RenewalRecorder(ClientCode account, MetricsPort metrics, Clock clock) {
        this.account = account;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A renewal begins its upstream work. */
    void begin() {
        lastStep = null;
        beganNanos = System.nanoTime();
    }

    /** One step ended. */
    void step(RenewalKind kind, Outcome outcome) {
        lastStep = kind;
        report(() -> metrics.renewalStep(account, kind, outcome));
    }

    /** The renewal that {@link #begin() began} ended (nothing happens when none began). */
    void end(Outcome outcome) {
        long began = beganNanos;
        if (began == NOT_RUNNING) {
            return;
        }
        beganNanos = NOT_RUNNING;
        Duration took = Duration.ofNanos(Math.max(0, System.nanoTime() - began));
        Optional<RenewalKind> kind = Optional.ofNullable(lastStep);
        last = new LastRenewal(kind, outcome, clock.instant());
        report(() -> metrics.renewal(account, kind, outcome, took));
    }

    Optional<LastRenewal> last() {
        return Optional.ofNullable(last);
    }

    /** The metrics adapter is the platform's business: its failure never changes a renewal's outcome. */
    private static void report(Runnable measurement) {
        try {
            measurement.run();
        } catch (RuntimeException | LinkageError ignored) {
            // Measuring is best effort.
        }
    }
}
