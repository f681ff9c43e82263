package io.github.smartapiauth.domain.error;

/** The session store could not be read, written or locked. The stored file is never overwritten after a failed read. */
public final class SessionStoreException extends SmartApiAuthException {

    public SessionStoreException(String message) {
        this(message, null, null);
    }

    public SessionStoreException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public SessionStoreException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
