package io.github.smartapiauth.domain.health;

import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ClockSkewException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.RenewalTimeoutException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.util.Locale;

/**
 * How an operation (a renewal, one of its steps, a call to SmartAPI) ended: success, or which kind
 * of failure. A closed set named after the error family, so meters and health reports carry a
 * bounded set of values and never a message (which could name more than a kind).
 */
public enum Outcome {
    SUCCESS,
    INVALID_CREDENTIALS,
    INVALID_TOTP,
    REFRESH_REJECTED,
    SESSION_EXPIRED,
    RATE_LIMITED,
    BROKER_UNAVAILABLE,
    CONFIGURATION,
    STORE_FAILURE,
    UNEXPECTED_RESPONSE,
    INTERRUPTED,
    TIMEOUT,
    CLOCK_SKEW,
    /** Not one of the library's errors (a bug, or an adapter of the platform's own that threw something else). */
    OTHER;

    /** The outcome a failure stands for. */
    public static Outcome of(Throwable failure) {
        if (failure instanceof InvalidCredentialsException) {
            return INVALID_CREDENTIALS;
        }
        if (failure instanceof InvalidTotpException) {
            return INVALID_TOTP;
        }
        if (failure instanceof RefreshRejectedException) {
            return REFRESH_REJECTED;
        }
        if (failure instanceof SessionExpiredException) {
            return SESSION_EXPIRED;
        }
        if (failure instanceof RateLimitedException) {
            return RATE_LIMITED;
        }
        if (failure instanceof BrokerUnavailableException) {
            return BROKER_UNAVAILABLE;
        }
        if (failure instanceof ConfigurationException) {
            return CONFIGURATION;
        }
        if (failure instanceof SessionStoreException) {
            return STORE_FAILURE;
        }
        if (failure instanceof UnexpectedResponseException) {
            return UNEXPECTED_RESPONSE;
        }
        if (failure instanceof InterruptedWaitException) {
            return INTERRUPTED;
        }
        if (failure instanceof RenewalTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof ClockSkewException) {
            return CLOCK_SKEW;
        }
        return OTHER;
    }

    /** The lower-case name ({@code refresh_rejected}), as meters and reports show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
