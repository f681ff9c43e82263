package io.github.smartapiauth.domain.error;

/** The broker answered with something this library does not understand (an unknown error code or shape). */
public final class UnexpectedResponseException extends SmartApiAuthException {

    public UnexpectedResponseException(String message) {
        this(message, null, null);
    }

    public UnexpectedResponseException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public UnexpectedResponseException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
