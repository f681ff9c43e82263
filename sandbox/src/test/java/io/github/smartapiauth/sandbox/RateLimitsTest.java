package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private final RateLimits limits = new RateLimits(clock);

    @Test
    void countsPerSecondPerAccountAndRoute() {
        assertThat(limits.tryAcquire("a", Route.GET_RMS)).isTrue();
        assertThat(limits.tryAcquire("a", Route.GET_RMS)).isTrue();
        assertThat(limits.tryAcquire("a", Route.GET_RMS)).isFalse();
        assertThat(limits.tryAcquire("b", Route.GET_RMS)).isTrue();
        assertThat(limits.tryAcquire("a", Route.GET_PROFILE)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.tryAcquire("a", Route.GET_RMS)).isTrue();
    }

    @Test
    void countsPerHourWhereDocumented() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.tryAcquire("a", Route.GET_PROFILE)).isTrue();
            clock.advance(Duration.ofMillis(1000));
        }
        assertThat(limits.tryAcquire("a", Route.GET_PROFILE)).as("the 1001st call this hour").isFalse();
        clock.set(TestAccounts.MORNING.plus(Duration.ofHours(1)));
        assertThat(limits.tryAcquire("a", Route.GET_PROFILE)).isTrue();
    }
}
