package io.github.smartapiauth.domain.error;

/** The broker could not be reached or failed on its side (timeouts, refused or reset connections, 5xx, a firewall page, a transient error code). Safe to retry with backoff. */
public final class BrokerUnavailableException extends SmartApiAuthException {

    public BrokerUnavailableException(String message) {
        this(message, null, null);
    }

    public BrokerUnavailableException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public BrokerUnavailableException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
