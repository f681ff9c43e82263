package io.github.smartapiauth.domain.error;

/**
 * The broker issued tokens that this machine's clock already considers expired (or about to be):
 * the local clock is ahead of the broker's. Renewing again cannot help; fix the clock (NTP) or the
 * expiry margin.
 */
public final class ClockSkewException extends SmartApiAuthException {

    public ClockSkewException(String message) {
        super(message, null, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
