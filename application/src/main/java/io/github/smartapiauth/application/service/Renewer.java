package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ClockSkewException;
import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.session.SessionState;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.domain.totp.TotpGuard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The upstream half of a renewal, run by exactly one thread per account at a time, under the
 * account's lease: take up a session another process saved, else refresh, else log in with a
 * fresh TOTP code.
 */
final class Renewer {

    private final ClientCode account;
    private final CoreDependencies context;
    /** The account's keys now: a renewal saves nothing once they were replaced under it. */
    private final java.util.function.Supplier<AccountKeys> currentKeys;
    private final BrokerCallRetrier retrying;
    private final TotpGuard totpGuard;
    /** Hears each step as it ends (for meters and the health report). */
    private final RenewalRecorder steps;
    /** Written under the lease; read after a renewal by whichever core thread ran it. */
    private volatile int consecutiveTotpFailures;

    Renewer(ClientCode account, CoreDependencies context, BrokerCallRetrier retrying,
            java.util.function.Supplier<AccountKeys> currentKeys, RenewalRecorder steps) {
        this.account = account;
        this.steps = steps;
        this.context = context;
        this.retrying = retrying;
        this.currentKeys = currentKeys;
        this.totpGuard = new TotpGuard(context.settings().totpClock());
    }

    /**
     * Renews under the account's lease. Events go to {@code events}, which the caller hands to the
     * listeners once the result is published.
     */
    Session renew(RenewalReason reason, Session known, List<SessionEvent> events, AccountKeys keys)
            throws InterruptedException {
        Optional<Session> fresh = freshStoredSession(reason, known);
        if (fresh.isPresent()) {
            events.add(new SessionEvent.Restored(account, context.clock().instant(), fresh.get().expiresAt()));
            steps.step(RenewalKind.RESTORE, Outcome.SUCCESS);
            return fresh.get();
        }
        try (Lease lease = acquireLease(events)) {
            Instant now = context.clock().instant();
            if (reason != RenewalReason.LOGIN && loggedOutElsewhere()) {
                throw new LoggedOutElsewhere();
            }
            StoreRead stored = readStore(events);
            if (stored.session().filter(s -> adoptable(reason, s, known, now)).isPresent()) {
                Session adopted = stored.session().get();
                events.add(new SessionEvent.Restored(account, now, adopted.expiresAt()));
                steps.step(RenewalKind.RESTORE, Outcome.SUCCESS);
                return adopted;
            }
            if (policy().inCutoffWindow(now)) {
                throw new SessionExpiredException("the trading day ends at " + policy().tradingDayEnd(now)
                        + " and SmartAPI issues no session that outlives it; " + account
                        + " can log in again after the cut-off");
            }
            Session base = newer(known, stored.session().orElse(null));
            if (base != null && refreshWorthwhile(reason, base, now)) {
                try {
                    Session refreshed = refresh(base, stored.writable(), events, keys, lease);
                    steps.step(RenewalKind.REFRESH, Outcome.SUCCESS);
                    return refreshed;
                } catch (RefreshRejectedException | SessionExpiredException refused) {
                    // The refresh token is spent or from another day: a login follows under the same lease.
                    steps.step(RenewalKind.REFRESH, Outcome.of(refused));
                } catch (LoggedOutElsewhere refusedByStore) {
                    // The broker step succeeded; the store refused to keep its session.
                    steps.step(RenewalKind.REFRESH, Outcome.SUCCESS);
                    throw refusedByStore;
                } catch (RuntimeException failed) {
                    steps.step(RenewalKind.REFRESH, Outcome.of(failed));
                    throw failed;
                } catch (InterruptedException interrupted) {
                    steps.step(RenewalKind.REFRESH, Outcome.INTERRUPTED);
                    throw interrupted;
                }
            }
            return login(reason == RenewalReason.LOGIN, stored.writable(), events, keys, lease);
        }
    }

    /** A lease that cannot be had is a store failure too (a shared store may be down): report it as one. */
    private Lease acquireLease(List<SessionEvent> events) throws InterruptedException {
        try {
            return context.lease().acquire(account, context.settings().leaseWait());
        } catch (SessionStoreException unavailable) {
            events.add(new SessionEvent.StoreFailed(account, context.clock().instant(), unavailable));
            throw unavailable;
        }
    }

    /**
     * A FRESH session in the store, read without the lease: nothing needs renewing, so nothing is
     * locked or written (a {@code token} command on a FRESH vault, a process taking up the shared
     * session). Anything else, or a store that cannot be read, goes the whole way under the lease.
     */
    private Optional<Session> freshStoredSession(RenewalReason reason, Session known) {
        if (reason != RenewalReason.ABSENT && reason != RenewalReason.EXPIRED && reason != RenewalReason.REJECTED) {
            return Optional.empty();
        }
        try {
            Instant now = context.clock().instant();
            return context.store().load(account)
                    .filter(stored -> stored.clientCode().equals(account))
                    .filter(stored -> known == null
                            || !stored.tokens().accessToken().sameValueAs(known.tokens().accessToken()))
                    .filter(stored -> policy().stateOf(stored, now) == SessionState.FRESH);
        } catch (SessionStoreException unreadable) {
            return Optional.empty();
        }
    }

    int consecutiveTotpFailures() {
        return consecutiveTotpFailures;
    }

    private boolean adoptable(RenewalReason reason, Session stored, Session known, Instant now) {
        if (reason == RenewalReason.LOGIN || !stored.clientCode().equals(account)) {
            return false;
        }
        if (known != null && stored.tokens().accessToken().sameValueAs(known.tokens().accessToken())) {
            return false;
        }
        SessionState state = policy().stateOf(stored, now);
        if (reason == RenewalReason.REFRESH) {
            // Asked to refresh: only a session another process renewed since ours counts as done.
            return known != null && state == SessionState.FRESH;
        }
        if (reason == RenewalReason.STALE) {
            return state == SessionState.FRESH;
        }
        return state != SessionState.EXPIRED;
    }

    private boolean refreshWorthwhile(RenewalReason reason, Session base, Instant now) {
        if (reason == RenewalReason.LOGIN || !policy().refreshPossible(base, now)) {
            return false;
        }
        return reason != RenewalReason.STALE || policy().refreshCanExtend(base);
    }

    private Session refresh(Session base, boolean writable, List<SessionEvent> events, AccountKeys keys, Lease lease)
            throws InterruptedException {
        TokenSet tokens = retrying.call(() -> keys.authentication().refresh(keys.credentials(), base.tokens()));
        // Another process's clock may run ahead of ours: never date the refresh before the session it renews.
        Instant now = context.clock().instant();
        Instant at = now.isBefore(base.renewedAt()) ? base.renewedAt() : now;
        Session refreshed = base.refreshedWith(tokens, at, checkedExpiry(tokens, base.openedAt(), at));
        save(refreshed, false, writable, events, keys, lease);
        events.add(new SessionEvent.Refreshed(account, at, refreshed.expiresAt()));
        return refreshed;
    }

    private Session login(boolean explicit, boolean writable, List<SessionEvent> events, AccountKeys keys,
                          Lease lease)
            throws InterruptedException {
        RetryPolicy retry = context.settings().retry();
        boolean spentElsewhere = takeUpStepSpentElsewhere();
        for (int attempt = 1; ; attempt++) {
            retrying.pause(totpGuard.waitBeforeSending(context.clock().instant()),
                    new WaitReason.NextTotpStep(spentElsewhere));
            spentElsewhere = false;
            Instant sentAt = context.clock().instant();
            TotpCode code = keys.codes().codeAt(account, sentAt);
            TokenSet tokens;
            boolean sent = true;
            try {
                tokens = keys.authentication().login(keys.credentials(), code);
            } catch (SmartApiAuthException e) {
                // A request that never left the machine spent nothing: the same code goes again at once.
                sent = !(e instanceof BrokerUnavailableException unavailable && unavailable.requestNeverSent());
                consecutiveTotpFailures = e instanceof InvalidTotpException ? consecutiveTotpFailures + 1 : 0;
                steps.step(RenewalKind.LOGIN, Outcome.of(e));
                if (!retry.shouldRetry(e, attempt)) {
                    throw e;
                }
                if (sent) {
                    retrying.pause(retry.delayAfter(attempt, e, context.random()), new WaitReason.Retry(attempt + 1,
                            retry.maxAttempts(), e instanceof RateLimitedException));
                }
                continue;
            } finally {
                code.wipe();
                // Sent once, whatever the outcome: the broker accepts a code once, so its step is spent.
                if (sent) {
                    totpGuard.markSpent(sentAt);
                    recordSent(sentAt);
                }
            }
            consecutiveTotpFailures = 0;
            Instant at = context.clock().instant();
            Session opened;
            try {
                opened = new Session(account, tokens, at, at, checkedExpiry(tokens, at, at));
                save(opened, explicit, writable, events, keys, lease);
            } catch (LoggedOutElsewhere refusedByStore) {
                steps.step(RenewalKind.LOGIN, Outcome.SUCCESS);
                throw refusedByStore;
            } catch (RuntimeException refused) {
                steps.step(RenewalKind.LOGIN, Outcome.of(refused));
                throw refused;
            }
            events.add(new SessionEvent.Opened(account, at, opened.expiresAt()));
            steps.step(RenewalKind.LOGIN, Outcome.SUCCESS);
            return opened;
        }
    }

    /** Tells the ledger a code was sent; a ledger that fails loses a record, never a login's tokens. */
    private void recordSent(Instant sentAt) {
        try {
            context.totpLedger().sent(account, sentAt);
        } catch (RuntimeException ledgerFailed) {
            // Only another process's next login can be affected: it may send the same step's code once more.
        }
    }

    /** When another process last sent a code for the account; a ledger that fails knows of none. */
    private Optional<Instant> lastSentElsewhere() {
        try {
            return context.totpLedger().lastSent(account);
        } catch (RuntimeException ledgerFailed) {
            return Optional.empty();
        }
    }

    /**
     * Another process sharing the session may have sent this step's code (its login ran under the lease
     * this one now holds): that step is spent here too. True when it was, and this process had not.
     */
    private boolean takeUpStepSpentElsewhere() {
        Instant now = context.clock().instant();
        Optional<Instant> elsewhere = lastSentElsewhere();
        if (elsewhere.isEmpty() || totpGuard.isSpent(now)
                || totpGuard.clock().stepAt(elsewhere.get()) != totpGuard.clock().stepAt(now)) {
            return false;
        }
        totpGuard.markSpent(elsewhere.get());
        return true;
    }

    private Instant checkedExpiry(TokenSet tokens, Instant openedAt, Instant issuedAt) {
        Instant expiry = policy().expiryOf(tokens.accessToken().expiresAt().orElse(null), openedAt);
        if (!expiry.isAfter(issuedAt)) {
            throw new ClockSkewException("SmartAPI issued tokens for " + account + " that expire at " + expiry
                    + ", already past by this machine's clock (" + issuedAt + "): the clock runs ahead of the"
                    + " broker's. Fix the clock (NTP); renewing again cannot help, so automatic renewal stops until"
                    + " the next explicit login");
        }
        if (!expiry.minus(policy().expiryMargin()).isAfter(issuedAt)) {
            throw new ClockSkewException("SmartAPI issued tokens for " + account + " that expire at " + expiry
                    + ", within the expiry margin (" + policy().expiryMargin() + ") of their issue (" + issuedAt
                    + "): check that this machine's clock is right and that the expiry margin is shorter than the"
                    + " tokens' lifetime; automatic renewal stops until the next explicit login");
        }
        return expiry;
    }

    /**
     * A logout another process announced through a shared store. Unreadable counts as none, so trading
     * goes on; the read of the session that follows reports the store's failure.
     */
    private boolean loggedOutElsewhere() {
        try {
            return context.store().loggedOut(account);
        } catch (SessionStoreException unreadable) {
            return false;
        }
    }

    /**
     * Thrown under the lease when the shared store says another process logged the account out: the
     * renewal ends without a broker call and the account is logged out here too.
     */
    static final class LoggedOutElsewhere extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoggedOutElsewhere() {
            super("logged out by another process sharing the session store", null, false, false);
        }
    }

    private StoreRead readStore(List<SessionEvent> events) {
        try {
            return new StoreRead(context.store().load(account), true);
        } catch (SessionStoreException unreadable) {
            // Renew anyway so trading goes on, but never overwrite what could not be read.
            events.add(new SessionEvent.StoreFailed(account, context.clock().instant(), unreadable));
            return new StoreRead(Optional.empty(), false);
        }
    }

    /**
     * Saves under the lease this renewal holds, so the store can refuse it once a newer renewer holds
     * one. Only an explicit login lifts a logout made elsewhere; any other renewal the store refuses
     * because of one (checked atomically with the write) ends as {@link LoggedOutElsewhere}, and the
     * session it just obtained is ended at the broker, so none is left open that nobody holds.
     */
    private void save(Session session, boolean explicit, boolean writable, List<SessionEvent> events,
                      AccountKeys keys, Lease lease) {
        if (currentKeys.get().generation() != keys.generation()) {
            throw credentialsReplaced(account);
        }
        if (!writable) {
            return;
        }
        boolean saved;
        try {
            if (explicit) {
                context.store().save(session, lease);
                return;
            }
            saved = context.store().saveUnlessLoggedOut(session, lease);
        } catch (SessionStoreException e) {
            events.add(new SessionEvent.StoreFailed(account, context.clock().instant(), e));
            return;
        }
        if (!saved) {
            endAtBroker(session, keys);
            throw new LoggedOutElsewhere();
        }
    }

    /** Once, without retries: a failure leaves the session to end by itself at the cut-off. */
    private void endAtBroker(Session session, AccountKeys keys) {
        try {
            keys.authentication().logout(keys.credentials(), session.tokens().accessToken());
        } catch (RuntimeException ignored) {
            // Any failure (an adapter's own included): the broker ends every session at the trading day's cut-off.
        }
    }

    private SessionPolicy policy() {
        return context.settings().policy();
    }

    /** Lifts the count of TOTP rejections: new credentials (or a new secret) start afresh. */
    void forgetTotpFailures() {
        consecutiveTotpFailures = 0;
    }

    static SessionExpiredException credentialsReplaced(ClientCode account) {
        return new SessionExpiredException("the credentials of " + account + " were replaced while it renewed;"
                + " nothing obtained with the old ones was saved or handed out: ask again");
    }

    /** The more recently renewed of two sessions, either of which may be null. */
    static Session newer(Session a, Session b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.renewedAt().isAfter(a.renewedAt()) ? b : a;
    }

    /** What the store held; {@code writable} is false when it could not be read, so it must not be overwritten. */
    private record StoreRead(Optional<Session> session, boolean writable) {
    }
}
