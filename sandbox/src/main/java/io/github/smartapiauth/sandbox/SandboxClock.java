package io.github.smartapiauth.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The sandbox's time, which tests and scripts move by hand: {@link #at(Instant)} stands still
 * until told; {@link #running(Instant, double)} runs from an instant at a rate of wall time
 * (1.0 real time, 60.0 a minute per second, for a trading day in minutes). Either can be
 * {@link #set(Instant) set} or {@link #advance(Duration) advanced} at any time. Views made by
 * {@link #withZone(ZoneId)} share the same time.
 */
public final class SandboxClock extends Clock {

    /** Where the clock stood at a wall-time reading, and how fast it runs from there. */
    private record Anchor(Instant at, long wallNanos, double rate) {

        Instant now(long wallNanos) {
            if (rate == 0) {
                return at;
            }
            long elapsed = (long) ((wallNanos - this.wallNanos) * rate);
            return at.plusNanos(elapsed);
        }
    }

    private final AtomicReference<Anchor> anchor;
    private final ZoneId zone;
    private final LongSupplier wall;

    private SandboxClock(AtomicReference<Anchor> anchor, ZoneId zone, LongSupplier wall) {
        this.anchor = anchor;
        this.zone = zone;
        this.wall = wall;
    }

    /** A clock standing at {@code instant}, in UTC; it never moves on its own. */
    public static SandboxClock at(Instant instant) {
        return running(instant, 0);
    }

    /**
     * A clock that starts at {@code start} and runs {@code rate} times as fast as wall time
     * (0 stands still, 1 is real time).
     */
    public static SandboxClock running(Instant start, double rate) {
        return running(start, rate, System::nanoTime);
    }

    static SandboxClock running(Instant start, double rate, LongSupplier wallNanos) {
        Objects.requireNonNull(start, "instant");
        checkRate(rate);
        return new SandboxClock(new AtomicReference<>(new Anchor(start, wallNanos.getAsLong(), rate)),
                ZoneOffset.UTC, wallNanos);
    }

    /** Moves the clock to {@code instant} (backwards too); it keeps its rate. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        anchor.updateAndGet(current -> new Anchor(instant, wall.getAsLong(), current.rate()));
    }

    /** Moves the clock forward (or backward, for a negative amount) and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        long now = wall.getAsLong();
        return anchor.updateAndGet(current -> new Anchor(current.now(now).plus(amount), now, current.rate())).at();
    }

    /** Sets how many times as fast as wall time the clock runs from now on (0 stops it). */
    public void rate(double rate) {
        checkRate(rate);
        long now = wall.getAsLong();
        anchor.updateAndGet(current -> new Anchor(current.now(now), now, rate));
    }

    /** How many times as fast as wall time the clock runs; 0 when it stands still. */
    public double rate() {
        return anchor.get().rate();
    }

    @Override
    public Instant instant() {
        return anchor.get().now(wall.getAsLong());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public SandboxClock withZone(ZoneId newZone) {
        return new SandboxClock(anchor, Objects.requireNonNull(newZone, "zone"), wall);
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + ", rate " + rate() + ", " + zone + "]";
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate) || rate > 1_000_000) {
            throw new IllegalArgumentException("the clock rate must be between 0 and 1000000");
        }
    }
}
