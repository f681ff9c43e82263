package io.github.smartapiauth.sandbox;

/** The outcome of checking a bearer token on a secure route. */
enum AccessCheck {
    VALID,
    MISSING,
    INVALID,
    EXPIRED
}
