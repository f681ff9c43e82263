package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.RenewalTimeoutException;
import io.github.smartapiauth.domain.session.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One renewal of one account, from the moment a caller claims it until its result: who runs it
 * (exactly one thread, whichever {@linkplain #tryStart() starts} it first), its deadline, and the
 * outcome every waiter gets. A waiter waits at most until the deadline and gives up alone when it
 * is interrupted.
 */
final class RenewalFlight {

    private final ClientCode account;
    private final RenewalReason reason;
    /** Marks a flight cancelled before any thread started it. */
    private static final Object CANCELLED = new Object();

    private final AccountState seen;
    private final long epoch;
    private final Duration deadline;
    /** Counted from the claim, and again from the start: a flight started late gets its whole deadline. */
    private volatile long deadlineNanos;
    private final CompletableFuture<Session> outcome = new CompletableFuture<>();
    /** Null until started; then the running thread, or {@link #CANCELLED}. */
    private final AtomicReference<Object> runner = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean rescued = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param seen the state the claiming caller saw
     * @param epoch the logout epoch when the flight was claimed: a logout after it discards the result
     */
    RenewalFlight(ClientCode account, RenewalReason reason, AccountState seen, long epoch, Duration deadline) {
        this.account = account;
        this.reason = reason;
        this.seen = seen;
        this.epoch = epoch;
        this.deadline = deadline;
        this.deadlineNanos = System.nanoTime() + saturatedNanos(deadline);
    }

    long epoch() {
        return epoch;
    }

    RenewalReason reason() {
        return reason;
    }

    /** The state the claiming caller saw. */
    AccountState seen() {
        return seen;
    }

    /** Claims the run for the calling thread; false when another thread started it, or it was cancelled or is over. */
    boolean tryStart() {
        if (outcome.isDone() || !runner.compareAndSet(null, Thread.currentThread())) {
            return false;
        }
        deadlineNanos = System.nanoTime() + saturatedNanos(deadline);
        return true;
    }

    /**
     * Ends a flight that no thread has started with {@code why}, atomically with respect to
     * {@link #tryStart()}: afterwards it can never start. False when it had started (or ended).
     */
    boolean cancelUnlessStarted(RuntimeException why) {
        if (!runner.compareAndSet(null, CANCELLED)) {
            return false;
        }
        outcome.completeExceptionally(why);
        return true;
    }

    /** True for the one caller that may hand this flight to a second executor when the first never ran it. */
    boolean claimRescue() {
        return rescued.compareAndSet(false, true);
    }

    boolean started() {
        Object current = runner.get();
        return current != null && current != CANCELLED;
    }

    /** Whether the calling thread is the one running this renewal. */
    boolean runsOnCurrentThread() {
        return runner.get() == Thread.currentThread();
    }

    boolean isOver() {
        return outcome.isDone();
    }

    boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** The outcome for one caller who does not wait: a copy, so no caller can complete the shared one. */
    CompletableFuture<Session> outcome() {
        return outcome.copy();
    }

    void succeed(Session session) {
        outcome.complete(session);
    }

    void fail(Throwable failure) {
        outcome.completeExceptionally(failure);
    }

    /**
     * Ends the flight with the timeout error, unless it already ended; every waiter gets the same
     * error. One that never started is cancelled, so it cannot start late.
     */
    void expire() {
        RenewalTimeoutException late = new RenewalTimeoutException("the renewal of " + account
                + " did not finish within its deadline of " + deadline + " (HTTP timeouts, retries and the TOTP step"
                + " wait); it was given up and the next request starts a new one");
        if (!cancelUnlessStarted(late)) {
            outcome.completeExceptionally(late);
        }
    }

    /**
     * The renewal's session, waiting at most until the deadline.
     *
     * @throws RenewalTimeoutException when the deadline passed first
     * @throws InterruptedWaitException when this caller was interrupted (its flag is set again); the
     *     renewal goes on for the others
     */
    Session await() {
        while (true) {
            try {
                return outcome.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                if (pastDeadline()) {
                    expire();
                }
                // else: the flight started since, and its deadline moved; wait on.
            } catch (ExecutionException failed) {
                throw rethrown(failed.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedWaitException("the wait for a session of " + account + " was interrupted; no"
                        + " token was obtained by this caller (the renewal goes on for the others)", e);
            }
        }
    }

    /** Waits for the end like {@link #await()}, whatever the outcome; false when interrupted. */
    boolean awaitEnd() {
        try {
            await();
        } catch (InterruptedWaitException interrupted) {
            return false;
        } catch (RuntimeException | Error anyOutcome) {
            // The outcome is someone else's; only the end mattered.
        }
        return true;
    }

    private RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("the renewal of " + account + " failed", cause);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return Math.max(0, duration.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }
}
