package io.github.smartapiauth.domain.health;

/** Where an account stands, as far as this process knows without asking the broker. */
public enum HealthState {
    /** A valid session, not yet due for renewal. */
    FRESH,
    /** A valid session, due for a refresh ahead of time; its token is still handed out. */
    STALE,
    /** The session ended (or the broker refused its token); the next request renews it. */
    EXPIRED,
    /** Bad credentials (or repeated TOTP or clock failures) stopped automatic renewal until an explicit login. */
    BLOCKED,
    /** Logged out: no automatic login until an explicit one. */
    LOGGED_OUT,
    /** No session yet: the first request logs in (or takes up a stored one). */
    NO_SESSION;

    /** Whether a platform call made now would carry a valid token without waiting for a renewal. */
    public boolean canTrade() {
        return this == FRESH || this == STALE;
    }
}
