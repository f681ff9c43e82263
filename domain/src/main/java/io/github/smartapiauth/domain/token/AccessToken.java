package io.github.smartapiauth.domain.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The JWT sent as {@code Authorization: Bearer <value>}, with the expiry read from its
 * {@code exp} claim when it had a readable one.
 */
public final class AccessToken extends Token {

    private final Instant expiresAt;

    private AccessToken(String value, Instant expiresAt) {
        super(value, "the access token");
        this.expiresAt = expiresAt;
    }

    /** A token whose {@code exp} claim said {@code expiresAt}. */
    public static AccessToken of(String value, Instant expiresAt) {
        if (expiresAt == null) {
            throw new IllegalArgumentException("the access token's expiry is missing; use AccessToken.withoutExpiry"
                    + " when the token has no readable exp claim");
        }
        return new AccessToken(value, expiresAt);
    }

    /** A token without a readable {@code exp}: the session policy's daily cut-off bounds it. */
    public static AccessToken withoutExpiry(String value) {
        return new AccessToken(value, null);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[redacted, expiresAt=" + (expiresAt == null ? "unknown" : expiresAt) + "]";
    }
}
