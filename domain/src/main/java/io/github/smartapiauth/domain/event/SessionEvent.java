package io.github.smartapiauth.domain.event;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to an account's session, for the platform to log, alert on or display.
 * Events carry no token or other secret.
 */
public sealed interface SessionEvent {

    ClientCode clientCode();

    Instant at();

    /** A login opened a new session. */
    record Opened(ClientCode clientCode, Instant at, Instant expiresAt) implements SessionEvent {
        public Opened {
            requireAll(clientCode, at, expiresAt);
        }
    }

    /** A session saved earlier (by this process before a restart, or by another process) was taken up. */
    record Restored(ClientCode clientCode, Instant at, Instant expiresAt) implements SessionEvent {
        public Restored {
            requireAll(clientCode, at, expiresAt);
        }
    }

    /** The refresh token bought new tokens without a TOTP. */
    record Refreshed(ClientCode clientCode, Instant at, Instant expiresAt) implements SessionEvent {
        public Refreshed {
            requireAll(clientCode, at, expiresAt);
        }
    }

    /** The session reached its end (or the broker rejected its token) and must be renewed. */
    record Expired(ClientCode clientCode, Instant at, Cause cause) implements SessionEvent {
        public Expired {
            requireAll(clientCode, at, cause);
        }

        public enum Cause { TIME, REJECTED_BY_BROKER }
    }

    /** A renewal failed; {@code error} says why and whether it is transient. */
    record RenewalFailed(ClientCode clientCode, Instant at, SmartApiAuthException error) implements SessionEvent {
        public RenewalFailed {
            requireAll(clientCode, at, error);
        }
    }

    /**
     * The session store could not be read or written; the session goes on in memory, and a
     * store that could not be read is not overwritten.
     */
    record StoreFailed(ClientCode clientCode, Instant at, SmartApiAuthException error) implements SessionEvent {
        public StoreFailed {
            requireAll(clientCode, at, error);
        }
    }

    /** The session was closed locally; {@code serverConfirmed} tells whether the broker's logout succeeded too. */
    record LoggedOut(ClientCode clientCode, Instant at, boolean serverConfirmed) implements SessionEvent {
        public LoggedOut {
            requireAll(clientCode, at);
        }
    }

    private static void requireAll(Object... parts) {
        for (Object part : parts) {
            Objects.requireNonNull(part, "every field of a session event is required");
        }
    }
}
