package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's session as known locally, without asking the broker.
 *
 * @param session the current session's times, empty when there is none
 * @param storedIn where sessions are kept
 * @param blockedBy why automatic renewal is stopped (bad credentials, logged out), if it is
 * @param storeProblem why the store could not be read, when it was asked and could not (a wrong vault
 *     passphrase, a missing key file): what is stored is unknown, not absent
 */
public record SessionStatus(ClientCode account, Optional<Summary> session, String storedIn, Optional<String> blockedBy,
                            Optional<SessionStoreException> storeProblem) {

    public SessionStatus {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(session, "session is required (use Optional.empty())");
        Objects.requireNonNull(storedIn, "storedIn is required");
        Objects.requireNonNull(blockedBy, "blockedBy is required (use Optional.empty())");
        Objects.requireNonNull(storeProblem, "storeProblem is required (use Optional.empty())");
    }

    /** The times of a session, and its state when the status was taken. */
    public record Summary(SessionState state, Instant openedAt, Instant renewedAt, Instant expiresAt, Duration timeLeft) {

        public Summary {
            Objects.requireNonNull(state, "state is required");
            Objects.requireNonNull(openedAt, "openedAt is required");
            Objects.requireNonNull(renewedAt, "renewedAt is required");
            Objects.requireNonNull(expiresAt, "expiresAt is required");
            Objects.requireNonNull(timeLeft, "timeLeft is required");
        }
    }
}
