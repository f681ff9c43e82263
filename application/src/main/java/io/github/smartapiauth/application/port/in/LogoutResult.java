package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a logout did. The session is always forgotten locally; the broker's side may not be.
 *
 * @param hadSession whether there was a session to end
 * @param serverConfirmed whether the broker accepted the logout
 * @param serverError why the broker's logout failed, when it did
 * @param storeError why the store could not be read, when it could not; it was then left untouched
 */
public record LogoutResult(ClientCode account, boolean hadSession, boolean serverConfirmed,
                           Optional<SmartApiAuthException> serverError, Optional<SmartApiAuthException> storeError) {

    public LogoutResult {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(serverError, "serverError is required (use Optional.empty())");
        Objects.requireNonNull(storeError, "storeError is required (use Optional.empty())");
    }

    /** Whether the logout did all it should: nothing to end, or ended at the broker, and the store was read. */
    public boolean complete() {
        return storeError.isEmpty() && (!hadSession || serverConfirmed);
    }

    public String describe() {
        String store = storeError.map(e -> " The session store could not be read and was left untouched: "
                + e.getMessage() + ".").orElse("");
        if (!hadSession && storeError.isPresent()) {
            return "Could not log out " + account + ": the session store could not be read, so a session there (and"
                    + " at the broker) may live on: " + storeError.get().getMessage() + ". Fix the store's key, then"
                    + " log out again.";
        }
        if (!hadSession) {
            return "No session of " + account + " to log out; nothing stored.";
        }
        if (serverConfirmed) {
            return "Logged out " + account + " at the broker" + (storeError.isPresent() ? "." : " and removed the stored"
                    + " session.") + store;
        }
        return "Removed the stored session of " + account + ", but the broker's logout failed: "
                + serverError.map(Throwable::getMessage).orElse("unknown reason")
                + ". The token expires at the daily cut-off anyway." + store;
    }
}
