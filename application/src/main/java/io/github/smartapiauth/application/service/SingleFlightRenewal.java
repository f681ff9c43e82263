package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.service.AccountState.Open;
import io.github.smartapiauth.application.service.AccountState.Valid;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ClockSkewException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.event.SessionEvent.Expired;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * At most one renewal of an account at a time, however many threads ask: the first caller claims
 * a {@link RenewalFlight}, the core's threads run it, every caller waits for it within its
 * deadline, and its events reach the listeners after the session is published and the waiters
 * are released.
 *
 * <p>A refresh ahead of time runs on the platform's executor when one was given; if that executor
 * never runs it, a caller that needs the result runs it on the core's own threads, and a refresh
 * ahead past its deadline is given up so a new one can start.
 */
final class SingleFlightRenewal {

    private final ClientCode account;
    private final CoreDependencies core;
    private final AccountStateCell cell;
    private final AccountEvents events;
    private final Renewer renewer;
    private final Supplier<AccountKeys> keys;
    private final RenewalRecorder recorder;
    private final AtomicReference<RenewalFlight> inFlight = new AtomicReference<>();

    SingleFlightRenewal(ClientCode account, CoreDependencies core, AccountStateCell cell, AccountEvents events,
                        Renewer renewer, Supplier<AccountKeys> keys, RenewalRecorder recorder) {
        this.recorder = recorder;
        this.account = account;
        this.core = core;
        this.cell = cell;
        this.events = events;
        this.renewer = renewer;
        this.keys = keys;
    }

    /**
     * A renewal's session for a caller that needs it: joins the renewal in flight, or starts one.
     * A login ({@link RenewalReason#LOGIN}) first lets a running renewal end, then logs in.
     */
    Session renewAndWait(AccountState seen, RenewalReason reason) {
        refuseWhenStopped(seen, reason);
        return await(joinOrStart(seen, cell.epoch(), reason));
    }

    /**
     * An explicit login begun with {@link AccountStateCell#beginLogin()}: the cell counts it as under
     * way until its flight has ended (saved and published, or failed), even when this caller stops
     * waiting sooner, so that a logout notice handled meanwhile cannot undo it here alone.
     */
    Session logIn(AccountStateCell.Observed begun) {
        RenewalFlight flight;
        try {
            refuseWhenStopped(begun.state(), RenewalReason.LOGIN);
            flight = joinOrStart(begun.state(), begun.epoch(), RenewalReason.LOGIN);
        } catch (RuntimeException notStarted) {
            cell.endLogin();
            throw notStarted;
        }
        flight.outcome().whenComplete((session, failure) -> cell.endLogin());
        return await(flight);
    }

    /**
     * The session of the renewal in flight (or of a new one) without blocking the calling thread:
     * completes with its result or its error, at the latest when the renewal's steps, each bounded,
     * have run out. Not for a login, which first waits for a running renewal to end.
     */
    CompletableFuture<Session> renewAsync(AccountState seen, RenewalReason reason) {
        try {
            refuseWhenStopped(seen, reason);
            return joinOrStart(seen, cell.epoch(), reason).outcome();
        } catch (SmartApiAuthException stopped) {
            return CompletableFuture.failedFuture(stopped);
        }
    }

    /** The renewal in flight to join, or a new one this caller claimed and started. */
    private RenewalFlight joinOrStart(AccountState seen, long epoch, RenewalReason reason) {
        while (true) {
            RenewalFlight running = inFlight.get();
            if (running != null && !running.started() && running.pastDeadline()) {
                // Handed to an executor that never ran it within a whole deadline: give it up.
                running.expire();
            }
            if (running != null && running.isOver()) {
                inFlight.compareAndSet(running, null);
                continue;
            }
            if (running != null && reason == RenewalReason.LOGIN) {
                if (!running.awaitEnd()) {
                    throw interrupted("the login");
                }
                continue;
            }
            if (running != null) {
                rescueIfNeverStarted(running);
                return running;
            }
            RenewalFlight mine = new RenewalFlight(account, reason, seen, epoch, core.settings().renewalDeadline());
            if (inFlight.compareAndSet(null, mine)) {
                start(mine, core.renewals());
                return mine;
            }
        }
    }

    /**
     * Ends the account for good: a renewal that was handed over and never started is cancelled,
     * one that runs ends with {@code reason} for its waiters (and publishes nothing: the epoch moved).
     */
    void endForRemoval(SmartApiAuthException reason) {
        RenewalFlight running = inFlight.get();
        if (running != null) {
            if (!running.cancelUnlessStarted(reason)) {
                running.fail(reason);
            }
            inFlight.compareAndSet(running, null);
        }
    }

    /** Starts a refresh ahead of time unless one runs, failed recently, or would not extend the session. */
    void refreshAhead(AccountState seen, Valid valid, Instant now) {
        if (!valid.refreshCanExtend() || !(seen.gate() instanceof Open) || now.isBefore(seen.retryAheadAt())) {
            return;
        }
        RenewalFlight running = inFlight.get();
        if (running != null) {
            if (!running.isOver() && !running.pastDeadline()) {
                return;
            }
            // Its executor never ran it, or it hangs: give it up so that a new one can start.
            running.expire();
            inFlight.compareAndSet(running, null);
        }
        RenewalFlight mine = new RenewalFlight(account, RenewalReason.STALE, seen, cell.epoch(),
                core.settings().renewalDeadline());
        if (inFlight.compareAndSet(null, mine)) {
            start(mine, core.refreshesAhead());
        }
    }

    /** Whether a renewal is in flight (it re-reads the store under the lease itself). */
    boolean running() {
        RenewalFlight current = inFlight.get();
        return current != null && !current.isOver();
    }

    /**
     * For a logout: cancels a renewal that was handed to an executor but has not started, or waits
     * for a running one to end (bounded by its deadline). False when the wait was interrupted.
     */
    boolean endForLogout() {
        RenewalFlight running = inFlight.get();
        if (running == null || running.runsOnCurrentThread()) {
            return true;
        }
        if (running.cancelUnlessStarted(loggedOut())) {
            inFlight.compareAndSet(running, null);
            return true;
        }
        return running.awaitEnd();
    }

    private void start(RenewalFlight flight, Executor executor) {
        try {
            executor.execute(core.diagnostics().forAccount(account, () -> run(flight)));
        } catch (RejectedExecutionException | Error couldNotStart) {
            // The caller of a refresh ahead keeps its valid token; nobody may wait on a renewal that never runs.
            // A flight another executor already started (a rescue that came too late) goes on.
            if (flight.cancelUnlessStarted(new ConfigurationException("the renewal of " + account + " could not be"
                    + " started (" + couldNotStart.getClass().getSimpleName() + "): the session core is closed or its"
                    + " executor refuses work; build a new one or give it an executor that runs tasks"))) {
                inFlight.compareAndSet(flight, null);
            }
        }
    }

    /** A refresh ahead handed to the platform's executor that has not started yet: run it on the core's threads too. */
    private void rescueIfNeverStarted(RenewalFlight flight) {
        if (flight.reason() == RenewalReason.STALE && core.refreshesAhead() != core.renewals() && !flight.started()
                && flight.claimRescue()) {
            start(flight, core.renewals());
        }
    }

    private Session await(RenewalFlight flight) {
        try {
            return flight.await();
        } finally {
            if (flight.isOver()) {
                inFlight.compareAndSet(flight, null);
            }
        }
    }

    /**
     * Runs on exactly one thread per flight and ends the flight whatever happens. Its events take
     * their place in the account's order before anyone can learn the result (so a caller that acts
     * on it, a logout say, is told after them), and are delivered once the waiters are released.
     */
    private void run(RenewalFlight flight) {
        if (!flight.tryStart()) {
            return;
        }
        List<SessionEvent> happened = new ArrayList<>();
        Session session = null;
        Throwable failure = null;
        RenewalRecorder.Timing timing = recorder.timing();
        try {
            session = renewOnce(flight, happened, timing);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        recorder.end(timing, failure == null ? Outcome.SUCCESS : Outcome.of(failure));
        events.enqueue(happened);
        inFlight.compareAndSet(flight, null);
        if (failure == null) {
            flight.succeed(session);
        } else {
            flight.fail(failure);
        }
        events.deliverPending();
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    private Session renewOnce(RenewalFlight flight, List<SessionEvent> happened, RenewalRecorder.Timing timing) {
        long startedIn = flight.epoch();
        AccountKeys renewingWith = keys.get();
        AccountState current = cell.read();
        Instant now = core.clock().instant();
        RenewalReason reason = effectiveReason(flight.reason(), current, now);
        refuseWhenStopped(current, reason);
        if (current != flight.seen() && reason != RenewalReason.LOGIN && reason != RenewalReason.REFRESH
                && current.holding() instanceof Valid valid && now.isBefore(valid.expiredAt())) {
            // A renewal finished between this caller's read and its claim: use its result.
            return valid.session();
        }
        if (reason == RenewalReason.EXPIRED) {
            happened.add(new Expired(account, now, Expired.Cause.TIME));
        }
        timing.begin();
        long loginsSeen = cell.loginsBegun();
        try {
            Session renewed = renewer.renew(reason, current.session(), happened, renewingWith);
            if (keys.get().generation() != renewingWith.generation()) {
                throw Renewer.credentialsReplaced(account);
            }
            if (!cell.update(latest -> newerOf(latest, renewed), startedIn)) {
                throw cell.read().removedBecause().orElseGet(this::loggedOut);
            }
            return renewed;
        } catch (Renewer.LoggedOutElsewhere elsewhere) {
            // As a logout here: the session is forgotten, no renewal in flight publishes, no automatic login.
            if (cell.logOutAsElsewhere(loginsSeen)) {
                happened.add(new SessionEvent.LoggedOut(account, core.clock().instant(), false));
            }
            throw loggedOut();
        } catch (SmartApiAuthException failure) {
            if (keys.get().generation() != renewingWith.generation()) {
                // The old credentials' failure says nothing about the new ones: no block, no retry pause.
                SessionExpiredException replaced = Renewer.credentialsReplaced(account);
                happened.add(new SessionEvent.RenewalFailed(account, core.clock().instant(), replaced));
                throw replaced;
            }
            Instant failedAt = core.clock().instant();
            happened.add(new SessionEvent.RenewalFailed(account, failedAt, failure));
            if (stopsAutomaticRenewal(failure)) {
                cell.update(latest -> latest.blockedBy(failure), startedIn);
            } else if (reason == RenewalReason.STALE) {
                cell.update(latest -> latest.retryAheadNotBefore(failedAt.plus(core.settings().staleRetryInterval())),
                        startedIn);
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedWaitException("the renewal of " + account + " was interrupted on its own thread (the"
                    + " session core is closing); ask again", e);
        }
    }

    /** A refresh ahead that starts only once the session has expired (its executor was late) renews as expired. */
    private static RenewalReason effectiveReason(RenewalReason claimed, AccountState current, Instant now) {
        if (claimed == RenewalReason.STALE && current.holding() instanceof Valid valid
                && !now.isBefore(valid.expiredAt())) {
            return RenewalReason.EXPIRED;
        }
        return claimed;
    }

    /** The renewed session, unless a renewal that finished later already published a newer one. */
    private AccountState newerOf(AccountState latest, Session renewed) {
        if (latest.holding() instanceof Valid valid && valid.session().renewedAt().isAfter(renewed.renewedAt())) {
            return latest;
        }
        return AccountState.serving(renewed, core.settings().policy());
    }

    private boolean stopsAutomaticRenewal(SmartApiAuthException failure) {
        return failure instanceof InvalidCredentialsException
                || failure instanceof ConfigurationException
                || failure instanceof ClockSkewException
                || (failure instanceof InvalidTotpException
                        && renewer.consecutiveTotpFailures() >= core.settings().maxTotpFailures());
    }

    private void refuseWhenStopped(AccountState state, RenewalReason reason) {
        SmartApiAuthException removed = state.removedBecause().orElse(null);
        if (removed != null) {
            throw removed;
        }
        if (reason == RenewalReason.LOGIN) {
            return;
        }
        SmartApiAuthException blocked = state.blockedBy().orElse(null);
        if (blocked != null) {
            throw blocked;
        }
        if (state.loggedOut()) {
            throw loggedOut();
        }
    }

    SessionExpiredException loggedOut() {
        return new SessionExpiredException(account + " was logged out; open a session again (login) before asking"
                + " for a token");
    }

    private InterruptedWaitException interrupted(String what) {
        return new InterruptedWaitException(what + " of " + account + " was interrupted while a renewal in flight"
                + " ended; nothing was sent");
    }
}
