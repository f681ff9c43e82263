package io.github.smartapiauth.domain.error;

/**
 * The calling thread was interrupted while it waited (for a renewal, a backoff, a lease, a rate-limit
 * window). Its interrupt flag is set again. Nothing was learnt about the session: the broker did not
 * refuse anything, and a renewal other callers wait for goes on without this one.
 */
public final class InterruptedWaitException extends SmartApiAuthException {

    public InterruptedWaitException(String message) {
        this(message, null);
    }

    public InterruptedWaitException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /** Not transient: the caller chose to stop waiting, so nothing should retry on its behalf. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
