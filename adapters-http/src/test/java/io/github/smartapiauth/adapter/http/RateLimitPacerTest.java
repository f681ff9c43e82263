package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.RateLimitPacer.WINDOW_NANOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.smartapiauth.domain.error.InterruptedWaitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pacing decisions, on a time source and a sleeper of the test's own: which calls wait and for
 * how long the pacer asks to wait. No real time passes and none is measured.
 */
class RateLimitPacerTest {

    private static final long START = 5_000_000_000L;

    /** A nanoTime the test moves, and a sleeper that records each requested wait. */
    private static final class FakeTime {
        long now;
        final boolean sleepingAdvancesTime;
        final List<Long> waits = new ArrayList<>();

        FakeTime(long start, boolean sleepingAdvancesTime) {
            this.now = start;
            this.sleepingAdvancesTime = sleepingAdvancesTime;
        }

        RateLimitPacer pacer() {
            return new RateLimitPacer(() -> now, nanos -> {
                waits.add(nanos);
                if (sleepingAdvancesTime) {
                    now += nanos;
                }
            });
        }
    }

    @Test
    void threeProfileCallsAtTheSameInstantGoOutAndTheFourthWaitsOneWindow() {
        FakeTime time = new FakeTime(START, true);
        RateLimitPacer pacer = time.pacer();

        for (int i = 0; i < 3; i++) {
            pacer.awaitTurn("getProfile", "T1234567", 3);
        }
        assertThat(time.waits).isEmpty();

        pacer.awaitTurn("getProfile", "T1234567", 3);
        assertThat(time.waits).containsExactly(WINDOW_NANOS);
    }

    @Test
    void aBurstOnAOnePerSecondRouteIsReleasedOneWindowApart() {
        FakeTime time = new FakeTime(START, true);
        RateLimitPacer pacer = time.pacer();
        List<Long> released = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            pacer.awaitTurn("loginByPassword", "T1234567", 1);
            released.add(time.now);
        }

        assertThat(time.waits).containsExactly(WINDOW_NANOS, WINDOW_NANOS);
        assertThat(released).containsExactly(START, START + WINDOW_NANOS, START + 2 * WINDOW_NANOS);
    }

    @Test
    void callersThatReserveAtTheSameInstantQueueOneBehindTheOther() {
        // The sleeper does not move time: as if three threads reserved before any of them slept.
        FakeTime time = new FakeTime(START, false);
        RateLimitPacer pacer = time.pacer();

        for (int i = 0; i < 3; i++) {
            pacer.awaitTurn("generateTokens", "T1234567", 1);
        }

        assertThat(time.waits).containsExactly(WINDOW_NANOS, 2 * WINDOW_NANOS);
    }

    @Test
    void aCallPartWayThroughTheWindowWaitsOnlyForTheRestOfIt() {
        FakeTime time = new FakeTime(START, true);
        RateLimitPacer pacer = time.pacer();
        long partWay = Duration.ofMillis(400).toNanos();

        pacer.awaitTurn("logout", "T1234567", 1);
        time.now += partWay;
        pacer.awaitTurn("logout", "T1234567", 1);

        assertThat(time.waits).containsExactly(WINDOW_NANOS - partWay);
    }

    @Test
    void callsAWindowApartNeverWait() {
        FakeTime time = new FakeTime(START, true);
        RateLimitPacer pacer = time.pacer();

        for (int i = 0; i < 4; i++) {
            pacer.awaitTurn("loginByPassword", "T1234567", 1);
            time.now += WINDOW_NANOS;
        }

        assertThat(time.waits).isEmpty();
    }

    @Test
    void eachRouteAndEachAccountHasItsOwnWindow() {
        FakeTime time = new FakeTime(START, true);
        RateLimitPacer pacer = time.pacer();

        pacer.awaitTurn("loginByPassword", "T1234567", 1);
        pacer.awaitTurn("loginByPassword", "R7700123", 1);
        pacer.awaitTurn("logout", "T1234567", 1);
        pacer.awaitTurn("generateTokens", "T1234567", 1);

        assertThat(time.waits).isEmpty();
    }

    @Test
    void pacingHoldsWhenNanoTimeWrapsAround() {
        FakeTime time = new FakeTime(Long.MAX_VALUE - WINDOW_NANOS / 2, true);
        RateLimitPacer pacer = time.pacer();

        pacer.awaitTurn("loginByPassword", "T1234567", 1);
        pacer.awaitTurn("loginByPassword", "T1234567", 1);

        assertThat(time.waits).containsExactly(WINDOW_NANOS);
        assertThat(time.now).isNegative();
    }

    @Test
    void anInterruptWhileWaitingForTheWindowIsTheCallersOwnNotABrokerAnswer() {
        long[] now = {START};
        // Like Thread.sleep: the interrupt arrives as an exception and the flag is cleared.
        RateLimitPacer pacer = new RateLimitPacer(() -> now[0], nanos -> {
            throw new InterruptedException("sleep interrupted");
        });
        pacer.awaitTurn("loginByPassword", "T1234567", 1);

        InterruptedWaitException error = catchThrowableOfType(InterruptedWaitException.class,
                () -> pacer.awaitTurn("loginByPassword", "T1234567", 1));

        assertThat(Thread.interrupted()).as("the interrupt flag was set again (and is cleared here)").isTrue();
        assertThat(error.isTransient()).isFalse();
        assertThat(error).hasMessageContaining("rate limit window of loginByPassword");
    }

    @Test
    void anInterruptedWaiterGivesItsSlotBackSoTheNextCallerWaitsOnlyOneWindow() {
        long[] now = {START};
        java.util.List<Long> waits = new java.util.ArrayList<>();
        boolean[] interruptNext = {true};
        RateLimitPacer pacer = new RateLimitPacer(() -> now[0], nanos -> {
            if (interruptNext[0]) {
                interruptNext[0] = false;
                throw new InterruptedException("sleep interrupted");
            }
            waits.add(nanos);
        });
        pacer.awaitTurn("loginByPassword", "T1234567", 1);
        catchThrowableOfType(InterruptedWaitException.class, () -> pacer.awaitTurn("loginByPassword", "T1234567", 1));
        Thread.interrupted();

        pacer.awaitTurn("loginByPassword", "T1234567", 1);

        assertThat(waits).as("one window after the call that went out, not two").containsExactly(
                RateLimitPacer.WINDOW_NANOS);
    }
}
