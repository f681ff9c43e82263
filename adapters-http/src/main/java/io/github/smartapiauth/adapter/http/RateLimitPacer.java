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
     * @return how long it waited, in nanoseconds (0 when its turn had come)
     * @throws InterruptedWaitException when the calling thread is interrupted while it waits; its
     *     interrupt flag is set again and its slot is given back. The broker was not asked, so this
     *     is no broker answer.
     */
    long awaitTurn(String route, String account, int limit) {
        Window window = windows.computeIfAbsent(route + '/' + account, any -> new Window(limit));
        long slot = window.reserve(nanoTime.getAsLong());
        long wait = slot - nanoTime.getAsLong();
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                window.giveBack(slot);
                Thread.currentThread().interrupt();
                throw new InterruptedWaitException("interrupted while waiting for SmartAPI's rate limit window of "
                        + route + "; nothing was sent", e);
            }
            return wait;
        }
        return 0;
    }

    /**
     * The send times (nanoTime) reserved for one route and account that still count against the
     * limit, oldest first: a new call goes out one window after the {@code limit}-th most recent.
     */
    private static final class Window {
        private final int limit;
        private final java.util.ArrayList<Long> reserved = new java.util.ArrayList<>();

        Window(int limit) {
            this.limit = limit;
        }

        synchronized long reserve(long now) {
            // A send time a whole window ago constrains no call from now on.
            while (!reserved.isEmpty() && now - reserved.get(0) >= WINDOW_NANOS) {
                reserved.remove(0);
            }
            long slot = now;
            if (reserved.size() >= limit) {
                long earliest = reserved.get(reserved.size() - limit) + WINDOW_NANOS;
                slot = earliest - now > 0 ? earliest : now;
            }
            reserved.add(slot);
            return slot;
        }

        /** A waiter that never sent its call gives its slot back, so later callers may use it. */
        synchronized void giveBack(long slot) {
            reserved.remove(Long.valueOf(slot));
        }
    }
}
