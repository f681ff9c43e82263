package io.github.smartapiauth.domain.totp;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when the next TOTP code may be sent. A step whose code was sent is spent: its code
 * is never sent again (the broker accepts a code once; after a failure a second try fails
 * again and may count towards a lockout), so the next code comes from the next step. Within a
 * step every code is the same, so remembering the step is enough. Not thread-safe: the renewal
 * that owns it runs one login at a time.
 */
public final class TotpGuard {

    private final TotpClock clock;
    private long spentStep = Long.MIN_VALUE;

    public TotpGuard(TotpClock clock) {
        this.clock = clock;
    }

    /** Records that the code of the step of {@code sentAt} was sent (accepted, refused or lost). */
    public void markSpent(Instant sentAt) {
        spentStep = clock.stepAt(sentAt);
    }

    public boolean isSpent(Instant instant) {
        return clock.stepAt(instant) == spentStep;
    }

    /**
     * How long to wait at {@code now} before asking for a code: until the next step when this
     * step is spent or ends within the minimum remaining time, else zero.
     */
    public Duration waitBeforeSending(Instant now) {
        if (isSpent(now)) {
            return clock.remainingInStep(now);
        }
        return clock.waitBeforeSending(now);
    }

    public TotpClock clock() {
        return clock;
    }
}
