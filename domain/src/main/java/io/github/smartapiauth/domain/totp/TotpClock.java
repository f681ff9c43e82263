package io.github.smartapiauth.domain.totp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The RFC 6238 time steps: step number {@code T = floor((t - T0) / X)} and the timing rule for
 * sending a code. A code typed or generated with under {@link #minimumRemaining()} left in
 * its step may be stale by the time it arrives, so the sender waits for the next step.
 *
 * @param step the step length X (SmartAPI: 30 s)
 * @param t0 the start of step 0 (the Unix epoch)
 * @param minimumRemaining the least time that must be left in a step to send its code
 */
public record TotpClock(Duration step, Instant t0, Duration minimumRemaining) {

    public TotpClock {
        Objects.requireNonNull(step, "step is required");
        Objects.requireNonNull(t0, "t0 is required");
        Objects.requireNonNull(minimumRemaining, "minimumRemaining is required");
        if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the TOTP step is " + step + "; expected a whole number of seconds, at least 1");
        }
        if (minimumRemaining.isNegative() || minimumRemaining.compareTo(step) >= 0) {
            throw new IllegalArgumentException("the minimum time left in a TOTP step is " + minimumRemaining
                    + "; expected zero or more and less than the step (" + step + ")");
        }
    }

    /** SmartAPI's setting: 30-second steps from the epoch; wait for the next step with under 2 s left. */
    public static TotpClock smartApi() {
        return new TotpClock(Duration.ofSeconds(30), Instant.EPOCH, Duration.ofSeconds(2));
    }

    /** The step number of {@code instant}; a 64-bit count, correct before T0 and after 2038. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() - t0.getEpochSecond(), step.getSeconds());
    }

    public Instant startOfStep(long stepNumber) {
        return t0.plusSeconds(Math.multiplyExact(stepNumber, step.getSeconds()));
    }

    /** Time left in the step that {@code instant} is in, in (0, step]. */
    public Duration remainingInStep(Instant instant) {
        return Duration.between(instant, startOfStep(stepAt(instant) + 1));
    }

    /** How long to wait before a code may be sent at {@code instant}: zero, or until the next step begins. */
    public Duration waitBeforeSending(Instant instant) {
        Duration remaining = remainingInStep(instant);
        return remaining.compareTo(minimumRemaining) < 0 ? remaining : Duration.ZERO;
    }
}
