package io.github.smartapiauth.domain.error;

/** The broker refused the refresh token (invalid, expired or from a past trading day); a new login is needed. */
public final class RefreshRejectedException extends SmartApiAuthException {

    public RefreshRejectedException(String message) {
        this(message, null, null);
    }

    public RefreshRejectedException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public RefreshRejectedException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
