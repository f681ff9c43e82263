package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * One account's state as one immutable value, published through a single volatile field so that
 * the FRESH path is one read, one clock reading in milliseconds and one comparison.
 *
 * <p>Two explicit dimensions: what the account {@linkplain Holding holds} (nothing, a valid
 * session, or a session whose token the broker refused) and whether automatic renewal is
 * {@linkplain Gate open} (or blocked by bad credentials, or stopped by a logout).
 */
final class AccountState {

    /** What the account holds. */
    sealed interface Holding permits Nothing, Valid, Refused {
    }

    /** No session in memory (none yet, or logged out). */
    record Nothing() implements Holding {
    }

    /**
     * A session handed out until {@code expiredAt}, refreshed ahead of time from {@code staleAt}.
     *
     * @param refreshCanExtend whether a refresh ahead of time would make the session live longer
     */
    record Valid(Session session, Instant staleAt, Instant expiredAt, boolean refreshCanExtend) implements Holding {
    }

    /** A session whose access token the broker refused (AG8001 on a platform's call): never handed out again. */
    record Refused(Session session) implements Holding {
    }

    /** Whether the core may renew on its own. */
    sealed interface Gate permits Open, Blocked, LoggedOut, Removed {
    }

    /** Automatic renewal on. */
    record Open() implements Gate {
    }

    /** Bad credentials (or repeated TOTP or clock failures) stopped automatic renewal until an explicit login. */
    record Blocked(SmartApiAuthException reason) implements Gate {
    }

    /** Logged out: no automatic login until an explicit one. */
    record LoggedOut() implements Gate {
    }

    /** The account was removed: every call fails with {@code reason}, for good. */
    record Removed(SmartApiAuthException reason) implements Gate {
    }

    private static final Gate OPEN = new Open();

    static final AccountState NONE = new AccountState(new Nothing(), OPEN, Instant.MIN);
    static final AccountState LOGGED_OUT = new AccountState(new Nothing(), new LoggedOut(), Instant.MIN);

    private final Holding holding;
    private final Gate gate;
    /** No refresh ahead of time before this (after one failed). */
    private final Instant retryAheadAt;
    /** A clock reading in epoch milliseconds below which the session is surely FRESH. */
    private final long freshBeforeMillis;
    /** The session the FRESH path hands out, or null: saves a type check on the order path. */
    private final Session freshSession;

    private AccountState(Holding holding, Gate gate, Instant retryAheadAt) {
        this.holding = holding;
        this.gate = gate;
        this.retryAheadAt = retryAheadAt;
        if (holding instanceof Valid valid) {
            this.freshSession = valid.session();
            this.freshBeforeMillis = floorMillis(valid.staleAt());
        } else {
            this.freshSession = null;
            this.freshBeforeMillis = Long.MIN_VALUE;
        }
    }

    static AccountState serving(Session session, SessionPolicy policy) {
        return new AccountState(valid(session, policy), OPEN, Instant.MIN);
    }

    private static Valid valid(Session session, SessionPolicy policy) {
        return new Valid(session, policy.staleAt(session), policy.expiredAt(session), policy.refreshCanExtend(session));
    }

    Holding holding() {
        return holding;
    }

    Gate gate() {
        return gate;
    }

    Instant retryAheadAt() {
        return retryAheadAt;
    }

    /** The session held, valid or refused; null when there is none. */
    Session session() {
        if (holding instanceof Valid valid) {
            return valid.session();
        }
        return holding instanceof Refused refused ? refused.session() : null;
    }

    /**
     * Whether a reading of {@code Clock.millis()} proves the session FRESH. A clock's millis are its
     * instant rounded down, so {@code nowMillis < floor(staleAt)} implies {@code now < staleAt}; in
     * the last millisecond before {@code staleAt} this says no and the exact check decides.
     */
    boolean surelyFreshAt(long nowMillis) {
        return nowMillis < freshBeforeMillis;
    }

    /** The session the FRESH path hands out; only meaningful after {@link #surelyFreshAt} said yes. */
    Session freshSession() {
        return freshSession;
    }

    /** The reason automatic renewal is blocked, if it is. */
    Optional<SmartApiAuthException> blockedBy() {
        return gate instanceof Blocked blocked ? Optional.of(blocked.reason()) : Optional.empty();
    }

    boolean loggedOut() {
        return gate instanceof LoggedOut;
    }

    boolean isRefused() {
        return holding instanceof Refused;
    }

    /** Marks the token as refused by the broker; a block on automatic renewal stays in force. */
    AccountState refused() {
        Session session = session();
        return session == null ? this : new AccountState(new Refused(session), gate, Instant.MIN);
    }

    AccountState retryAheadNotBefore(Instant instant) {
        return new AccountState(holding, gate, instant);
    }

    /** Keeps serving a still-valid token, but renews no more until someone opens the session again. */
    AccountState blockedBy(SmartApiAuthException reason) {
        return new AccountState(holding, new Blocked(reason), retryAheadAt);
    }

    /** The same holding with automatic renewal open again, so that an explicit login may proceed. */
    AccountState unblocked() {
        if (gate instanceof Removed) {
            return this;
        }
        return loggedOut() ? NONE : new AccountState(holding, OPEN, retryAheadAt);
    }

    /** After new credentials: a block they may have caused is lifted; a logout or removal stays. */
    AccountState credentialsReplaced() {
        return gate instanceof Blocked ? new AccountState(holding, OPEN, Instant.MIN) : this;
    }

    /** Nothing held, and every call refused with {@code reason}. */
    static AccountState removed(SmartApiAuthException reason) {
        return new AccountState(new Nothing(), new Removed(reason), Instant.MIN);
    }

    /** Why every call on this account fails, once it was removed. */
    Optional<SmartApiAuthException> removedBecause() {
        return gate instanceof Removed removed ? Optional.of(removed.reason()) : Optional.empty();
    }

    private static long floorMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException outOfRange) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "AccountState[" + holding.getClass().getSimpleName() + ", " + gate.getClass().getSimpleName() + "]";
    }
}
