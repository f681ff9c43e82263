package io.github.smartapiauth.domain.error;

/** The broker could not be reached or failed on its side (timeouts, refused or reset connections, 5xx, a firewall page, a transient error code). Safe to retry with backoff. */
public final class BrokerUnavailableException extends SmartApiAuthException {

    private final boolean neverSent;

    public BrokerUnavailableException(String message) {
        this(message, null, null);
    }

    public BrokerUnavailableException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public BrokerUnavailableException(String message, String brokerCode, Throwable cause) {
        this(message, brokerCode, cause, false);
    }

    private BrokerUnavailableException(String message, String brokerCode, Throwable cause, boolean neverSent) {
        super(message, brokerCode, cause);
        this.neverSent = neverSent;
    }

    /**
     * The request never left this machine (the connection was refused or never made, the host not
     * resolved): whatever it carried, a TOTP code included, was not seen by the broker and is not spent.
     */
    public static BrokerUnavailableException neverSent(String message, Throwable cause) {
        return new BrokerUnavailableException(message, null, cause, true);
    }

    /** Whether the request is known never to have reached the broker (see {@link #neverSent}). */
    public boolean requestNeverSent() {
        return neverSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
