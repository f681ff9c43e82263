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
    private final AccountState seen;
    private final Duration deadline;
    private final long deadlineNanos;
    private final CompletableFuture<Session> outcome = new CompletableFuture<>();
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean rescued = new java.util.concurrent.atomic.AtomicBoolean();

    RenewalFlight(ClientCode account, RenewalReason reason, AccountState seen, Duration deadline) {
        this.account = account;
        this.reason = reason;
        this.seen = seen;
        this.deadline = deadline;
        this.deadlineNanos = System.nanoTime() + saturatedNanos(deadline);
    }

    RenewalReason reason() {
        return reason;
    }

    /** The state the claiming caller saw. */
    AccountState seen() {
        return seen;
    }

    /** Claims the run for the calling thread; false when another thread started it or it is over. */
    boolean tryStart() {
        return !outcome.isDone() && runner.compareAndSet(null, Thread.currentThread());
    }

    /** True for the one caller that may hand this flight to a second executor when the first never ran it. */
    boolean claimRescue() {
        return rescued.compareAndSet(false, true);
    }

    boolean started() {
        return runner.get() != null;
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

    void succeed(Session session) {
        outcome.complete(session);
    }

    void fail(Throwable failure) {
        outcome.completeExceptionally(failure);
    }

    /** Ends the flight with the timeout error, unless it already ended; every waiter gets the same error. */
    boolean expire() {
        return outcome.completeExceptionally(new RenewalTimeoutException("the renewal of " + account
                + " did not finish within its deadline of " + deadline + " (HTTP timeouts, retries and the TOTP step"
                + " wait); it was given up and the next request starts a new one"));
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
                expire();
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
