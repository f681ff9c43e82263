package io.github.smartapiauth.sandbox;

import java.time.Instant;

/** What the sandbox reads back from a token it signed. */
record TokenClaims(TokenKind kind, String clientCode, String sessionId, String tokenId, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
