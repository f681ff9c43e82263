package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.error.InterruptedWaitException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Keeps calls within SmartAPI's per-account, per-second limits: at most {@code limit} calls
 * of a route for an account in any rolling second (plus a small guard for clock differences).
 * A burst waits its turn instead of provoking the server's 403. Pacing is about elapsed real
 * time, not the business clock, so it counts with {@link System#nanoTime()} and waits with a
 * real sleep; tests hand in their own time source and sleeper.
 */
final class RateLimitPacer {

    /** The rolling window: one second plus a guard for the difference between our clock and SmartAPI's. */
    static final long WINDOW_NANOS = Duration.ofSeconds(1).plusMillis(50).toNanos();

    /** Waits a number of nanoseconds; may be interrupted. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    RateLimitPacer() {
        this(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    RateLimitPacer(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * Blocks until a call of {@code route} for {@code account} may go out.
     *
     * @throws InterruptedWaitException when the calling thread is interrupted while it waits; its
     *     interrupt flag is set again. The broker was not asked, so this is no broker answer.
     */
    void awaitTurn(String route, String account, int limit) {
        long slot = windows.computeIfAbsent(route + '/' + account, any -> new Window(limit)).reserve(nanoTime.getAsLong());
        long wait = slot - nanoTime.getAsLong();
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedWaitException("interrupted while waiting for SmartAPI's rate limit window of "
                        + route + "; nothing was sent", e);
            }
        }
    }

    /** The send times (nanoTime) of the last {@code limit} calls, as a ring. */
    private static final class Window {
        private final long[] sent;
        private final boolean[] used;
        private int next;

        Window(int limit) {
            sent = new long[limit];
            used = new boolean[limit];
        }

        synchronized long reserve(long now) {
            long earliest = used[next] ? sent[next] + WINDOW_NANOS : now;
            long slot = now - earliest >= 0 ? now : earliest;
            sent[next] = slot;
            used[next] = true;
            next = (next + 1) % sent.length;
            return slot;
        }
    }
}
