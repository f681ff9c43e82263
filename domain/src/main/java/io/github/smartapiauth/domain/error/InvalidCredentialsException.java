package io.github.smartapiauth.domain.error;

/** The broker refused the client code, MPIN or account (wrong, blocked, unknown). Never retried automatically: repeated attempts can lock the account. */
public final class InvalidCredentialsException extends SmartApiAuthException {

    public InvalidCredentialsException(String message) {
        this(message, null, null);
    }

    public InvalidCredentialsException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public InvalidCredentialsException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
