package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the library reports its own work to be measured (a meter registry): renewals and their
 * steps, calls to SmartAPI, pacing waits, and every session event. Optional: without an adapter
 * nothing is measured ({@link #NONE}). Never called on the FRESH path of {@code accessToken()}.
 *
 * <p>Called on the threads doing the work (a renewal's, an HTTP caller's), synchronously, so an
 * adapter must be quick, must not block and must not throw. Nothing passed carries a secret.
 */
public interface MetricsPort {

    /** Measures nothing. */
    MetricsPort NONE = new MetricsPort() {
    };

    /** One step of a renewal ended: a stored session taken up, a refresh, or one login attempt. */
    default void renewalStep(ClientCode account, RenewalKind kind, Outcome outcome) {
    }

    /**
     * A whole renewal ended (what the waiting callers waited for).
     *
     * @param lastStep the last step it took; empty when it failed before taking one
     */
    default void renewal(ClientCode account, Optional<RenewalKind> lastStep, Outcome outcome, Duration took) {
    }

    /** A call to one of SmartAPI's session routes ({@code loginByPassword}, {@code generateTokens}, ...) ended. */
    default void upstreamCall(ClientCode account, String route, Outcome outcome, Duration took) {
    }

    /** A call to {@code route} waited for its turn under SmartAPI's per-second limits (only when it waited). */
    default void pacingWait(ClientCode account, String route, Duration waited) {
    }

    /** A session event, when it happened (before the platform's listeners hear it). */
    default void event(SessionEvent event) {
    }

    /** The health of every account, read without network whenever the adapter needs it (a gauge). */
    default void watch(HealthSource health) {
    }

    /** Reads accounts' health from memory. */
    interface HealthSource {

        /** Every configured account's health. */
        List<AccountHealth> all();

        /** One account's health; empty when it is not (or no longer) configured. */
        Optional<AccountHealth> of(ClientCode account);
    }
}
