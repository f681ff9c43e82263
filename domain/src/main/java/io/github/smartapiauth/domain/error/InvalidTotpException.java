package io.github.smartapiauth.domain.error;

/** The broker refused the TOTP code: a wrong secret, a clock off by more than a step, or a reused code. The code's step is never used again. */
public final class InvalidTotpException extends SmartApiAuthException {

    public InvalidTotpException(String message) {
        this(message, null, null);
    }

    public InvalidTotpException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public InvalidTotpException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
