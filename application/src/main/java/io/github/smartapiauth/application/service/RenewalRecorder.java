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
    private volatile RenewalKind lastStep;
    private volatile LastRenewal last;

    RenewalRecorder(ClientCode account, MetricsPort metrics, Clock clock) {
        this.account = account;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The timing of one renewal, started when it begins its upstream work: each renewal has its own, so one
     * that outlived its deadline and the one that replaced it are timed apart.
     */
    static final class Timing {
        private static final long NOT_RUNNING = Long.MIN_VALUE;
        private long beganNanos = NOT_RUNNING;

        /** The renewal begins its upstream work (on the one thread running it). */
        void begin() {
            beganNanos = System.nanoTime();
        }
    }

    /** A timing for a renewal about to run; {@link Timing#begin()} when its upstream work starts. */
    Timing timing() {
        lastStep = null;
        return new Timing();
    }

    /** One step ended. */
    void step(RenewalKind kind, Outcome outcome) {
        lastStep = kind;
        report(() -> metrics.renewalStep(account, kind, outcome));
    }

    /** The renewal timed by {@code timing} ended (nothing happens when its upstream work never began). */
    void end(Timing timing, Outcome outcome) {
        long began = timing.beganNanos;
        if (began == Timing.NOT_RUNNING) {
            return;
        }
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
