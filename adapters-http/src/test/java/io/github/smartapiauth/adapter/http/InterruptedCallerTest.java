package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A caller interrupted while it waits for SmartAPI's answer gives up alone, with its flag set and a
 * non-transient {@link InterruptedWaitException}: an interrupt is the caller's choice, never a broker
 * failure that the core would retry.
 */
@Timeout(60)
class InterruptedCallerTest {

    @Test
    void anInterruptWhileWaitingForTheAnswerComesOutAsTheCallersOwnWaitNotABrokerFailure() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagSetAfterwards = new AtomicBoolean();
        // The server reads the request and never answers; the read timeout is far beyond the test's life.
        try (CannedAnswerServer silent = new CannedAnswerServer("", true);
             SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(silent.base())
                     .withTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(5)).withPacing(false))) {
            Thread caller = new Thread(() -> {
                try {
                    client.login(SandboxFixture.credentials(), TotpCode.of("123456"));
                } catch (Throwable error) {
                    failure.set(error);
                    flagSetAfterwards.set(Thread.currentThread().isInterrupted());
                }
            }, "interrupted-caller");
            caller.start();
            assertThat(silent.awaitFirstRequest(Duration.ofSeconds(20))).as("the request reached the server").isTrue();
            awaitParked(caller);

            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(20));

            assertThat(caller.isAlive()).as("the caller gave up").isFalse();
            assertThat(failure.get()).isInstanceOf(InterruptedWaitException.class)
                    .hasMessageContaining("interrupted while waiting for 127.0.0.1 to answer loginByPassword");
            assertThat(((InterruptedWaitException) failure.get()).isTransient()).isFalse();
            assertThat(flagSetAfterwards).as("the caller's interrupt flag is set again").isTrue();
        }
    }

    /** Until the thread is parked waiting for the answer (WAITING), with a hard deadline. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime() - deadline).as("the caller parks waiting for the answer").isNegative();
            Thread.onSpinWait();
        }
    }
}
