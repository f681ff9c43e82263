package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What this process would write back after Redis lost its data. */
class HeldSessionsTest {

    private final HeldSessions held = new HeldSessions();

    @Test
    void aReadUnderWayWhenTheAccountIsForgottenBringsNothingBack() {
        long readBegan = held.generation(A);
        held.forget(A); // a logout here, or another process's notice, while the read was on the wire

        held.rememberUnlessForgotten(session(A, "1"), readBegan);

        assertThat(held.snapshot()).doesNotContainKey(A);
    }

    @Test
    void aReadBegunAfterTheForgetIsHeld() {
        held.forget(A);

        held.rememberUnlessForgotten(session(A, "1"), held.generation(A));

        assertThat(held.snapshot()).containsKey(A);
    }
}
