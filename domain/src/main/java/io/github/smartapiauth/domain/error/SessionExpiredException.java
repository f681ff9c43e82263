package io.github.smartapiauth.domain.error;

/** There is no usable session: it expired, was rejected by the broker, was logged out, or none was opened. */
public final class SessionExpiredException extends SmartApiAuthException {

    public SessionExpiredException(String message) {
        this(message, null, null);
    }

    public SessionExpiredException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public SessionExpiredException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
