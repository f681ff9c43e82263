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
 */
public record LogoutResult(ClientCode account, boolean hadSession, boolean serverConfirmed,
                           Optional<SmartApiAuthException> serverError) {

    public LogoutResult {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(serverError, "serverError is required (use Optional.empty())");
    }

    public String describe() {
        if (!hadSession) {
            return "No session of " + account + " to log out; nothing stored.";
        }
        if (serverConfirmed) {
            return "Logged out " + account + " at the broker and removed the stored session.";
        }
        return "Removed the stored session of " + account + ", but the broker's logout failed: "
                + serverError.map(Throwable::getMessage).orElse("unknown reason")
                + ". The token expires at the daily cut-off anyway.";
    }
}
