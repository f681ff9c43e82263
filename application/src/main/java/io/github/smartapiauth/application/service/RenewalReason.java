package io.github.smartapiauth.application.service;

/** Why a renewal runs; decides which steps it may take. */
enum RenewalReason {
    /** No session in memory yet. */
    ABSENT,
    /** The session reached its expiry margin. */
    EXPIRED,
    /** Refresh ahead of time while callers keep the valid token. */
    STALE,
    /** The broker refused the token on a platform's call. */
    REJECTED,
    /** Someone asked for a refresh. */
    REFRESH,
    /** Someone asked for a login. */
    LOGIN
}
