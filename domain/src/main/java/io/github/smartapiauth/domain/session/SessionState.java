package io.github.smartapiauth.domain.session;

/** How usable a session is at an instant. */
public enum SessionState {
    /** Valid and not near its end: use the token. */
    FRESH,
    /** Still valid, but within the refresh margin of its end: use the token, renew in the background. */
    STALE,
    /** Within the expiry margin of its end, or past it: do not use the token; renew first. */
    EXPIRED
}
