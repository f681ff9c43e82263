package io.github.smartapiauth.domain.error;

/**
 * A renewal did not finish within its deadline (derived from the HTTP timeouts, the retries and the
 * TOTP step wait), or could not be started at all. The callers that waited for it get this; the next
 * call starts a new renewal.
 */
public final class RenewalTimeoutException extends SmartApiAuthException {

    public RenewalTimeoutException(String message) {
        super(message, null, null);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
