package io.github.smartapiauth.domain.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTimingTest {

    private final TotpClock clock = TotpClock.smartApi();

    @ParameterizedTest(name = "t={0}s is step {1}")
    @CsvSource({"0, 0", "29, 0", "30, 1", "59, 1", "1111111109, 37037036", "20000000000, 666666666", "-1, -1", "-30, -1",
        "-31, -2"})
    void stepsAreFloorDivisionsOfSecondsSinceT0(long seconds, long step) {
        assertThat(clock.stepAt(Instant.ofEpochSecond(seconds))).isEqualTo(step);
    }

    @Test
    void reportsTheTimeLeftInTheStep() {
        assertThat(clock.remainingInStep(Instant.ofEpochSecond(60))).isEqualTo(Duration.ofSeconds(30));
        assertThat(clock.remainingInStep(Instant.ofEpochSecond(89, 500_000_000))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void sendsWithTwoSecondsOrMoreLeftAndWaitsForTheNextStepOtherwise() {
        Instant twoLeft = Instant.ofEpochSecond(88);
        assertThat(clock.waitBeforeSending(twoLeft)).isZero();
        assertThat(clock.waitBeforeSending(twoLeft.plusNanos(1))).isEqualTo(Duration.ofSeconds(2).minusNanos(1));
    }

    @Test
    void aFailedStepIsNeverUsedAgain() {
        TotpGuard guard = new TotpGuard(clock);
        Instant sentAt = Instant.ofEpochSecond(65);
        guard.markSpent(sentAt);
        assertThat(guard.isSpent(Instant.ofEpochSecond(89))).isTrue();
        assertThat(guard.waitBeforeSending(Instant.ofEpochSecond(70))).isEqualTo(Duration.ofSeconds(20));
        assertThat(guard.isSpent(Instant.ofEpochSecond(90))).isFalse();
        assertThat(guard.waitBeforeSending(Instant.ofEpochSecond(90))).isZero();
    }

    @Test
    void refusesImpossibleTimings() {
        assertThatThrownBy(() -> new TotpClock(Duration.ofMillis(1500), Instant.EPOCH, Duration.ZERO))
                .hasMessageContaining("expected a whole number of seconds");
        assertThatThrownBy(() -> new TotpClock(Duration.ofSeconds(30), Instant.EPOCH, Duration.ofSeconds(30)))
                .hasMessageContaining("less than the step");
    }
}
