package io.github.smartapiauth.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** When a token issued at a given instant expires: the next midnight IST, or after a fixed lifetime. */
final class TokenExpiry {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final Duration lifetime;

    private TokenExpiry(Duration lifetime) {
        this.lifetime = lifetime;
    }

    static TokenExpiry nextMidnightIst() {
        return new TokenExpiry(null);
    }

    static TokenExpiry after(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
        return new TokenExpiry(lifetime);
    }

    Instant expiryFor(Instant issuedAt) {
        if (lifetime != null) {
            return issuedAt.plus(lifetime);
        }
        LocalDate day = issuedAt.atZone(IST).toLocalDate();
        return day.plusDays(1).atStartOfDay(IST).toInstant();
    }
}
