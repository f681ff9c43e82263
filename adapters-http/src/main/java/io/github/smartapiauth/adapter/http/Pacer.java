package io.github.smartapiauth.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps calls within SmartAPI's per-account, per-second limits: at most {@code limit} calls
 * of a route for an account in any rolling second (plus a small guard for clock differences).
 * A burst waits its turn instead of provoking the server's 403.
 */
final class Pacer {

    private static final Duration WINDOW = Duration.ofSeconds(1).plusMillis(50);

    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    Pacer(Clock clock) {
        this.clock = clock;
    }

    /** Blocks until a call of {@code route} for {@code account} may go out. */
    void awaitTurn(String route, String account, int limit) {
        Instant slot = windows.computeIfAbsent(route + '/' + account, any -> new Window(limit)).reserve(clock.instant());
        Duration wait = Duration.between(clock.instant(), slot);
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.github.smartapiauth.domain.error.BrokerUnavailableException(
                        "interrupted while waiting for SmartAPI's rate limit window of " + route);
            }
        }
    }

    /** The send times of the last {@code limit} calls, as a ring. */
    private static final class Window {
        private final Instant[] sent;
        private int next;

        Window(int limit) {
            sent = new Instant[limit];
        }

        synchronized Instant reserve(Instant now) {
            Instant oldest = sent[next];
            Instant slot = oldest == null || !now.isBefore(oldest.plus(WINDOW)) ? now : oldest.plus(WINDOW);
            sent[next] = slot;
            next = (next + 1) % sent.length;
            return slot;
        }
    }
}
