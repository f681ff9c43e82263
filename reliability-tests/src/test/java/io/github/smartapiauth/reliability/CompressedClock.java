package io.github.smartapiauth.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time that runs {@code factor} times faster than real time, continuously, plus jumps
 * the test makes. Continuous rather than ticked, so that every instant the sandbox stamps on a
 * request maps back to the exact real time it arrived at ({@link #wallNanosAt}), which the soak
 * needs to check the per-second limits in real time too.
 */
final class CompressedClock extends Clock {

    private final Instant start;
    private final long factor;
    /** When time started to run; until {@link #run()} the clock stands at {@code start}. */
    private volatile long startNanos;
    private volatile boolean running;
    private final AtomicLong jumpedMillis = new AtomicLong();

    CompressedClock(Instant start, long factor) {
        this.start = start;
        this.factor = factor;
    }

    /** Starts simulated time running (a cold JVM's first calls take long enough to span TOTP steps). */
    void run() {
        startNanos = System.nanoTime();
        running = true;
    }

    /** Moves simulated time forward by {@code amount} at once. */
    void jump(Duration amount) {
        jumpedMillis.addAndGet(amount.toMillis());
    }

    long jumpedMillis() {
        return jumpedMillis.get();
    }

    /** The real time (nanoTime) at which this clock showed {@code instant}, given the jumps made before it. */
    long wallNanosAt(Instant instant, long jumpedBefore) {
        long simulatedNanos = Duration.between(start, instant).minusMillis(jumpedBefore).toNanos();
        return startNanos + simulatedNanos / factor;
    }

    @Override
    public Instant instant() {
        if (!running) {
            return start;
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        return start.plusNanos(elapsedNanos * factor).plusMillis(jumpedMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // instants are what every user of this clock reads; the zone plays no part
    }
}
