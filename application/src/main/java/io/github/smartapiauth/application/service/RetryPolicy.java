package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded, jittered exponential backoff for transient failures. Attempt {@code n} (from 1)
 * waits a random time in {@code [d/2, d]} with {@code d = min(maxDelay, initialDelay * 2^(n-1))},
 * and never less than a rate limit's own retry-after.
 *
 * @param maxAttempts how many calls in all, the first included (1 = no retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay is required");
        Objects.requireNonNull(maxDelay, "maxDelay is required");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; expected 1 to 10");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= initialDelay (" + initialDelay + ") <= maxDelay ("
                    + maxDelay + ")");
        }
    }

    /** Three attempts, waiting about 0.5 s then 1 s (at most 4 s). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4));
    }

    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public boolean shouldRetry(SmartApiAuthException error, int attemptsMade) {
        return error.isTransient() && attemptsMade < maxAttempts;
    }

    /** The wait after failed attempt {@code attempt} (from 1). */
    public Duration delayAfter(int attempt, SmartApiAuthException error, RandomGenerator random) {
        long capped = maxDelay.toMillis();
        long exponential = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long ceiling = Math.min(capped, exponential);
        long jittered = ceiling <= 1 ? ceiling : ceiling / 2 + random.nextLong(ceiling - ceiling / 2 + 1);
        Duration delay = Duration.ofMillis(jittered);
        if (error instanceof RateLimitedException) {
            Duration floor = ((RateLimitedException) error).retryAfter();
            return delay.compareTo(floor) < 0 ? floor : delay;
        }
        return delay;
    }
}
