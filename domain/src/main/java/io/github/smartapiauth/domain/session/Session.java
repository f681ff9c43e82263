package io.github.smartapiauth.domain.session;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Instant;
import java.util.Objects;

/**
 * An open SmartAPI session of one account.
 *
 * @param openedAt when the login that started this session happened; refreshes keep it, so
 *     the session's trading day is the one it was opened in
 * @param renewedAt when the tokens were last issued (login or refresh)
 * @param expiresAt the earlier of the access token's own expiry and the daily cut-off, as
 *     decided by {@link SessionPolicy#expiryOf}
 */
public record Session(ClientCode clientCode, TokenSet tokens, Instant openedAt, Instant renewedAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(clientCode, "clientCode is required");
        Objects.requireNonNull(tokens, "tokens are required");
        Objects.requireNonNull(openedAt, "openedAt is required");
        Objects.requireNonNull(renewedAt, "renewedAt is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (renewedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("a session cannot be renewed (" + renewedAt + ") before it was opened ("
                    + openedAt + ")");
        }
        if (!expiresAt.isAfter(renewedAt)) {
            throw new IllegalArgumentException("a session must expire (" + expiresAt + ") after its tokens were issued ("
                    + renewedAt + ")");
        }
    }

    /** The same session with tokens from a refresh at {@code renewedAt}. */
    public Session refreshedWith(TokenSet newTokens, Instant renewedAt, Instant expiresAt) {
        return new Session(clientCode, newTokens, openedAt, renewedAt, expiresAt);
    }

    public void wipe() {
        tokens.wipe();
    }
}
