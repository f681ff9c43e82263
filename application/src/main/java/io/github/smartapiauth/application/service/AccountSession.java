package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.service.Renewer.Reason;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.event.SessionEvent.Expired;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.session.SessionState;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One account's session and its renewal: the algorithm of the architecture page.
 *
 * <ul>
 *   <li>FRESH: one volatile read, one clock reading in milliseconds and one comparison, no lock.</li>
 *   <li>STALE: the first caller to claim the single flight hands a refresh to the background
 *       executor; every caller keeps the still-valid token.</li>
 *   <li>EXPIRED, absent or rejected: callers join one renewal, run by the first of them.</li>
 * </ul>
 *
 * All joiners of a renewal get its session or its error. Bad credentials (and repeated TOTP
 * rejections) stop automatic renewal until {@link #open()}; a logout stops it until then too.
 */
final class AccountSession implements AccountTokens {

    private final ClientCode account;
    private final Credentials credentials;
    private final Context context;
    private final Renewer renewer;
    private final Retrying retrying;
    private final AtomicReference<CompletableFuture<Session>> inFlight = new AtomicReference<>();
    private volatile Snapshot snapshot = Snapshot.NONE;
    /** Bumped by logout; a renewal that started in an older epoch does not publish. Guarded by this. */
    private long epoch;

    AccountSession(Credentials credentials, Context context) {
        this.account = credentials.clientCode();
        this.credentials = credentials;
        this.context = context;
        this.renewer = new Renewer(credentials, context);
        this.retrying = new Retrying(context);
    }

    @Override
    public ClientCode account() {
        return account;
    }

    @Override
    public AccessToken accessToken() {
        return validSession().tokens().accessToken();
    }

    @Override
    public Session validSession() {
        Snapshot seen = snapshot;
        Session session = seen.session();
        // The order path: Clock.millis() is an intrinsic on the system clock, cheaper than building an
        // Instant (which costs a JNI call, see docs/benchmarks.md); the exact check below covers the rest.
        if (seen.surelyFreshAt(context.clock().millis())) {
            return session;
        }
        if (session != null) {
            Instant now = context.clock().instant();
            if (now.isBefore(seen.staleAt())) {
                return session;
            }
            if (now.isBefore(seen.expiredAt())) {
                refreshAhead(seen, now);
                return session;
            }
        }
        return renewAndWait(seen, reasonToRenew(seen));
    }

    Session open() {
        synchronized (this) {
            snapshot = snapshot.unblocked();
        }
        return renewAndWait(snapshot, Reason.LOGIN);
    }

    Session refresh() {
        return renewAndWait(snapshot, Reason.REFRESH);
    }

    boolean reportRejected(AccessToken token) {
        if (!isCurrentUnreportedToken(snapshot, token)) {
            return false;
        }
        synchronized (this) {
            Snapshot current = snapshot;
            if (!isCurrentUnreportedToken(current, token)) {
                return false;
            }
            snapshot = current.rejected();
        }
        context.publish(new Expired(account, context.clock().instant(), Expired.Cause.REJECTED_BY_BROKER));
        return true;
    }

    private static boolean isCurrentUnreportedToken(Snapshot snapshot, AccessToken token) {
        return snapshot.session() != null && !snapshot.isRejected()
                && snapshot.session().tokens().accessToken().sameValueAs(token);
    }

    /**
     * Takes up the stored session when another process saved a newer, valid one. Skipped while a
     * renewal runs here: it re-reads the store under the lease itself.
     */
    boolean adoptStored() {
        Snapshot seen = snapshot;
        if (seen.session() == null || seen.blocked() != null || seen.loggedOut() || inFlight.get() != null) {
            return false;
        }
        long startedIn;
        synchronized (this) {
            startedIn = epoch;
        }
        Session stored;
        try {
            stored = context.store().load(account).orElse(null);
        } catch (SessionStoreException unreadable) {
            context.publish(new SessionEvent.StoreFailed(account, context.clock().instant(), unreadable));
            return false;
        }
        Instant now = context.clock().instant();
        if (stored == null || !stored.clientCode().equals(account)
                || context.settings().policy().stateOf(stored, now) == SessionState.EXPIRED) {
            return false;
        }
        boolean[] adopted = {false};
        update(latest -> {
            Session current = latest.session();
            if (current == null || latest.blocked() != null || latest.loggedOut()
                    || !stored.renewedAt().isAfter(current.renewedAt())
                    || stored.tokens().accessToken().sameValueAs(current.tokens().accessToken())) {
                return latest;
            }
            adopted[0] = true;
            return Snapshot.of(stored, context.settings().policy());
        }, startedIn);
        if (adopted[0]) {
            context.publish(new SessionEvent.Restored(account, now, stored.expiresAt()));
        }
        return adopted[0];
    }

    Profile profile() {
        Session session = validSession();
        try {
            return fetchProfile(session);
        } catch (SessionExpiredException rejected) {
            // The broker refused a token we thought valid: renew once and ask again.
            reportRejected(session.tokens().accessToken());
            return fetchProfile(validSession());
        }
    }

    LogoutResult logOut() {
        Snapshot before;
        synchronized (this) {
            before = snapshot;
            epoch++;
            snapshot = Snapshot.LOGGED_OUT;
        }
        awaitQuietly(inFlight.get());
        try (Lease lease = context.lease().acquire(account, context.settings().leaseWait())) {
            Session stored = null;
            SessionStoreException storeError = null;
            try {
                stored = context.store().load(account).orElse(null);
            } catch (SessionStoreException unreadable) {
                // Log out what memory holds, and leave the unreadable store as it is.
                storeError = unreadable;
            }
            Session session = Renewer.newer(before.session(), stored);
            if (session == null) {
                deleteUnless(storeError);
                return new LogoutResult(account, false, false, Optional.empty(), Optional.ofNullable(storeError));
            }
            SmartApiAuthException serverError = null;
            try {
                retrying.call(() -> {
                    context.authentication().logout(credentials.apiKey(), account, session.tokens().accessToken());
                    return null;
                });
            } catch (SmartApiAuthException e) {
                serverError = e;
            } finally {
                deleteUnless(storeError);
            }
            context.publish(new SessionEvent.LoggedOut(account, context.clock().instant(), serverError == null));
            return new LogoutResult(account, true, serverError == null, Optional.ofNullable(serverError),
                    Optional.ofNullable(storeError));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException("the logout of " + account
                    + " was interrupted while waiting for the session lease; the session is forgotten in memory"
                    + " but may still be stored; log out again");
        }
    }

    private void deleteUnless(SessionStoreException unreadable) {
        if (unreadable == null) {
            context.store().delete(account);
        }
    }

    SessionStatus status() {
        Snapshot seen = snapshot;
        Optional<String> blockedBy = Optional.empty();
        Session session = seen.session();
        if (seen.blocked() != null) {
            blockedBy = Optional.of(seen.blocked().getMessage());
        } else if (seen.loggedOut()) {
            blockedBy = Optional.of("logged out; open a session again to resume");
        }
        if (session == null && !seen.loggedOut()) {
            try {
                session = context.store().load(account).orElse(null);
            } catch (SessionStoreException unreadable) {
                blockedBy = Optional.of(unreadable.getMessage());
            }
        }
        Optional<SessionStatus.Summary> summary = Optional.empty();
        if (session != null) {
            SessionPolicy policy = context.settings().policy();
            Instant now = context.clock().instant();
            Duration left = Duration.between(now, session.expiresAt());
            summary = Optional.of(new SessionStatus.Summary(
                    seen.isRejected() && seen.session() == session ? SessionState.EXPIRED
                            : policy.stateOf(session, now),
                    session.openedAt(), session.renewedAt(), session.expiresAt(), left.isNegative() ? Duration.ZERO : left));
        }
        return new SessionStatus(account, summary, context.store().describe(), blockedBy);
    }

    private Profile fetchProfile(Session session) {
        try {
            return retrying.call(() -> context.profiles().profile(credentials.apiKey(), session.tokens().accessToken()));
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static Reason reasonToRenew(Snapshot seen) {
        if (seen.session() == null) {
            return Reason.ABSENT;
        }
        return seen.isRejected() ? Reason.REJECTED : Reason.EXPIRED;
    }

    private Session renewAndWait(Snapshot seen, Reason reason) {
        if (seen.blocked() != null) {
            throw seen.blocked();
        }
        if (seen.loggedOut()) {
            throw loggedOut();
        }
        CompletableFuture<Session> mine = new CompletableFuture<>();
        CompletableFuture<Session> running = inFlight.compareAndExchange(null, mine);
        if (running == null) {
            runRenewal(mine, reason, seen);
            running = mine;
        }
        return await(running);
    }

    private void refreshAhead(Snapshot seen, Instant now) {
        if (!seen.refreshCanExtend() || seen.blocked() != null || now.isBefore(seen.retryAheadAt())
                || inFlight.get() != null) {
            return;
        }
        CompletableFuture<Session> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            return;
        }
        try {
            context.background().execute(() -> runRenewal(mine, Reason.STALE, seen));
        } catch (Throwable couldNotStart) {
            // The caller's token is still valid: it keeps it; later callers must not wait on a renewal that never runs.
            inFlight.compareAndSet(mine, null);
            mine.completeExceptionally(couldNotStart);
        }
    }

    /** Runs on the thread that claimed the single flight; completes {@code mine} whatever happens. */
    private void runRenewal(CompletableFuture<Session> mine, Reason reason, Snapshot seen) {
        try {
            mine.complete(renewOnce(reason, seen));
        } catch (Throwable failure) {
            mine.completeExceptionally(failure);
        } finally {
            inFlight.compareAndSet(mine, null);
        }
    }

    private Session renewOnce(Reason reason, Snapshot seen) {
        Snapshot current;
        long startedIn;
        synchronized (this) {
            current = snapshot;
            startedIn = epoch;
        }
        if (current.blocked() != null && reason != Reason.LOGIN) {
            throw current.blocked();
        }
        if (current.loggedOut() && reason != Reason.LOGIN) {
            throw loggedOut();
        }
        if (current != seen && reason != Reason.LOGIN && reason != Reason.REFRESH) {
            // A renewal finished between this caller's read and its claim: use its result.
            Session session = current.session();
            if (session != null && !current.isRejected() && context.clock().instant().isBefore(current.expiredAt())) {
                return session;
            }
        }
        if (reason == Reason.EXPIRED) {
            context.publish(new Expired(account, context.clock().instant(), Expired.Cause.TIME));
        }
        try {
            Session renewed = renewer.renew(reason, current.session());
            publish(Snapshot.of(renewed, context.settings().policy()), startedIn);
            return renewed;
        } catch (SmartApiAuthException failure) {
            Instant now = context.clock().instant();
            context.publish(new SessionEvent.RenewalFailed(account, now, failure));
            if (stopsAutomaticRenewal(failure)) {
                update(latest -> latest.blockedBy(failure), startedIn);
            } else if (reason == Reason.STALE) {
                update(latest -> latest.retryAheadNotBefore(now.plus(context.settings().staleRetryInterval())), startedIn);
            }
            throw failure;
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private boolean stopsAutomaticRenewal(SmartApiAuthException failure) {
        return failure instanceof InvalidCredentialsException
                || failure instanceof ConfigurationException
                || (failure instanceof InvalidTotpException
                        && renewer.consecutiveTotpFailures() >= context.settings().maxTotpFailures());
    }

    private void publish(Snapshot next, long startedIn) {
        update(latest -> next, startedIn);
    }

    /** Replaces the snapshot under the lock, unless a logout happened since the renewal started. */
    private synchronized void update(UnaryOperator<Snapshot> change, long startedIn) {
        if (epoch == startedIn) {
            snapshot = change.apply(snapshot);
        }
    }

    private Session await(CompletableFuture<Session> renewal) {
        try {
            return renewal.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("renewal of " + account + " failed", cause);
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (CancellationException e) {
            throw new SessionExpiredException("the renewal of " + account + " was cancelled because the service is"
                    + " shutting down");
        }
    }

    private static void awaitQuietly(CompletableFuture<Session> renewal) {
        if (renewal == null) {
            return;
        }
        try {
            renewal.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException ignored) {
            // The logout goes on whatever became of the renewal.
        }
    }

    private SessionExpiredException loggedOut() {
        return new SessionExpiredException(account + " was logged out; open a session again (login) before asking"
                + " for a token");
    }

    private SessionExpiredException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SessionExpiredException("the wait for a session of " + account + " was interrupted; no token was"
                + " obtained", null, e);
    }
}
