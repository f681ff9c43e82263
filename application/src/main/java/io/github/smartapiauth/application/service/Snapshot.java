package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import java.time.Instant;

/**
 * An account's state as one immutable value, published through a single volatile field so
 * the fast path is one read and two comparisons.
 *
 * @param session the current session, or null
 * @param staleAt from when a refresh ahead of time is due ({@link Instant#MIN} when rejected)
 * @param expiredAt from when the token is no longer handed out
 * @param retryAheadAt no refresh ahead of time before this (after one failed)
 * @param blocked why automatic renewal is stopped, or null
 * @param loggedOut whether the session was logged out (no automatic login follows)
 * @param refreshCanExtend whether a refresh ahead of time would make the session live longer
 * @param freshBeforeMillis a clock reading in epoch milliseconds below which the session is surely
 *     FRESH: {@code staleAt} rounded down to the millisecond ({@link Long#MIN_VALUE} without a session)
 */
record Snapshot(Session session, Instant staleAt, Instant expiredAt, Instant retryAheadAt,
                SmartApiAuthException blocked, boolean loggedOut, boolean refreshCanExtend, long freshBeforeMillis) {

    Snapshot(Session session, Instant staleAt, Instant expiredAt, Instant retryAheadAt,
             SmartApiAuthException blocked, boolean loggedOut, boolean refreshCanExtend) {
        this(session, staleAt, expiredAt, retryAheadAt, blocked, loggedOut, refreshCanExtend,
                session == null ? Long.MIN_VALUE : floorMillis(staleAt));
    }

    static final Snapshot NONE = new Snapshot(null, Instant.MIN, Instant.MIN, Instant.MIN, null, false, false);
    static final Snapshot LOGGED_OUT = new Snapshot(null, Instant.MIN, Instant.MIN, Instant.MIN, null, true, false);

    static Snapshot of(Session session, SessionPolicy policy) {
        return new Snapshot(session, policy.staleAt(session), policy.expiredAt(session), Instant.MIN, null, false,
                policy.refreshCanExtend(session));
    }

    /** Marks the token as refused by the broker; a block on automatic renewal stays in force. */
    Snapshot rejected() {
        return new Snapshot(session, Instant.MIN, Instant.MIN, Instant.MIN, blocked, false, false);
    }

    Snapshot retryAheadNotBefore(Instant instant) {
        return new Snapshot(session, staleAt, expiredAt, instant, blocked, loggedOut, refreshCanExtend);
    }

    /** Keeps serving a still-valid token, but renews no more until someone opens the session again. */
    Snapshot blockedBy(SmartApiAuthException reason) {
        return new Snapshot(session, staleAt, expiredAt, retryAheadAt, reason, false, refreshCanExtend);
    }

    /** The same state without a block or logout, so that an explicit login may proceed. */
    Snapshot unblocked() {
        return loggedOut ? NONE : new Snapshot(session, staleAt, expiredAt, retryAheadAt, null, false, refreshCanExtend);
    }

    /**
     * Whether a reading of {@code Clock.millis()} proves the session FRESH. A clock's millis are its
     * instant rounded down, so {@code nowMillis < floor(staleAt)} implies {@code now < staleAt}; in
     * the last millisecond before {@code staleAt} this says no and the exact check decides.
     */
    boolean surelyFreshAt(long nowMillis) {
        return nowMillis < freshBeforeMillis;
    }

    private static long floorMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException outOfRange) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    boolean isRejected() {
        return session != null && expiredAt == Instant.MIN;
    }
}
