package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FRESH path decides on the clock's milliseconds; the STALE bound must still hold to the
 * nanosecond when it falls inside a millisecond (tokens whose expiry has sub-millisecond digits).
 */
class FreshPathBoundaryTest {

    private final CoreFixture fixture = new CoreFixture();
    private final SessionService core = fixture.core();

    @ParameterizedTest(name = "expiry {0} ns past a millisecond")
    @ValueSource(longs = {0, 1, 400_123, 999_999})
    void theStaleBoundHoldsToTheNanosecondWithinAMillisecond(long subMillisecondNanos) {
        Duration life = Duration.ofHours(2).plusNanos(subMillisecondNanos);
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(life)));
        AccessToken first = core.accessToken(ACCOUNT);
        Instant staleAt = core.validSession(ACCOUNT).expiresAt().minus(Duration.ofMinutes(5));

        fixture.clock.set(staleAt.minusMillis(1));
        assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
        fixture.clock.set(staleAt.minusNanos(1));
        assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
        assertThat(fixture.broker.calls(REFRESH)).isZero();

        fixture.clock.set(staleAt);
        assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
    }
}
