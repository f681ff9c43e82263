package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A running clock, read against an injected wall time. */
class SandboxClockTest {

    private static final Instant START = Instant.parse("2025-01-06T03:45:00Z");
    private final AtomicLong wallNanos = new AtomicLong(1_000);

    @Test
    void aClockAtSixtyTimesRealTimeMovesAMinutePerWallSecond() {
        SandboxClock clock = SandboxClock.running(START, 60, wallNanos::get);

        wallNanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void settingAndAdvancingKeepTheRateAndARateOfZeroStopsIt() {
        SandboxClock clock = SandboxClock.running(START, 10, wallNanos::get);
        clock.set(START.plusSeconds(3600));
        wallNanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3610));

        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(START.plusSeconds(3910));
        clock.rate(0);
        wallNanos.addAndGet(Duration.ofSeconds(100).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3910));
        assertThat(clock.rate()).isZero();
    }

    @Test
    void rejectsNegativeOrNonFiniteRates() {
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxClock.running(START, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxClock.running(START, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxClock.running(START, Double.POSITIVE_INFINITY));
    }
}
