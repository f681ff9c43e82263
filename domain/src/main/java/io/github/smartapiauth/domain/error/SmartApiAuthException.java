package io.github.smartapiauth.domain.error;

import java.util.Optional;

/**
 * Everything that can go wrong with a SmartAPI session, as one sealed family. Messages say
 * what happened and what to do, and never contain a secret. Adapters translate SmartAPI's
 * error codes into these types, so nothing above them parses a code string; the code is kept
 * in {@link #brokerCode()} for reports.
 */
public abstract sealed class SmartApiAuthException extends RuntimeException
        permits InvalidCredentialsException, InvalidTotpException, RefreshRejectedException, SessionExpiredException,
                RateLimitedException, BrokerUnavailableException, ConfigurationException, SessionStoreException,
                UnexpectedResponseException, InterruptedWaitException, RenewalTimeoutException, ClockSkewException {

    private final String brokerCode;

    SmartApiAuthException(String message, String brokerCode, Throwable cause) {
        super(message, cause);
        this.brokerCode = brokerCode == null || brokerCode.isBlank() ? null : brokerCode;
    }

    /** The SmartAPI error code behind this error (e.g. {@code AB1050}), when there was one. */
    public Optional<String> brokerCode() {
        return Optional.ofNullable(brokerCode);
    }

    /**
     * Whether the same call may succeed if tried again later without changing anything
     * (an outage, a rate limit). Never true for errors that a retry could turn into a lockout.
     */
    public abstract boolean isTransient();

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + getMessage();
    }
}
