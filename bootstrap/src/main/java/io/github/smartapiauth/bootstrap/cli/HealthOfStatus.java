package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.HealthState;

/**
 * The health state the {@code status} command shows: the facade's {@code health()} (memory only), and
 * where this process holds nothing yet (a CLI process never does before it asks), the stored session's.
 */
final class HealthOfStatus {

    private HealthOfStatus() {
    }

    static HealthState of(AccountHealth inMemory, SessionStatus stored) {
        if (inMemory.state() != HealthState.NO_SESSION) {
            return inMemory.state();
        }
        return of(stored);
    }

    /** From the stored session alone (the {@code status} command read the vault without building the library). */
    static HealthState of(SessionStatus stored) {
        if (stored.blockedBy().isPresent()) {
            return HealthState.BLOCKED;
        }
        return stored.session().map(session -> HealthState.valueOf(session.state().name()))
                .orElse(HealthState.NO_SESSION);
    }
}
