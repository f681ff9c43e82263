package io.github.smartapiauth.domain.error;

import java.time.Duration;
import java.util.Objects;

/** The broker refused a call for exceeding its per-second or per-hour limit. Retry after {@link #retryAfter()}. */
public final class RateLimitedException extends SmartApiAuthException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RateLimitedException(String message, Duration retryAfter, Throwable cause) {
        super(message, null, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter is required");
    }

    /** The least time to wait before the same call; SmartAPI's limits reset each second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
