package io.github.smartapiauth.domain.health;

/** What a renewal step did to get a session. */
public enum RenewalKind {
    /** Took up a session saved earlier (by this process before a restart, or by another process). */
    RESTORE,
    /** Bought new tokens with the refresh token. */
    REFRESH,
    /** Logged in with the MPIN and a TOTP code. */
    LOGIN
}
