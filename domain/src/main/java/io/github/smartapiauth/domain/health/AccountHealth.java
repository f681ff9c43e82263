package io.github.smartapiauth.domain.health;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's health, from memory, without the network: for a platform's health endpoint, its
 * pre-open checks and the {@code status} command. Carries no token and no other secret.
 *
 * @param account the client code
 * @param state where the account stands
 * @param sessionEndsAt when the session held ends (by the library's expiry margin and the daily cut-off);
 *     empty when none is held
 * @param blockedBecause why automatic renewal is stopped, when it is ({@link HealthState#BLOCKED}; a
 *     secret-free message that says what to do)
 * @param lastRenewal how the most recent renewal in this process ended; empty before the first
 * @param at when this was taken, by the library's clock
 */
public record AccountHealth(ClientCode account, HealthState state, Optional<Instant> sessionEndsAt,
                            Optional<String> blockedBecause, Optional<LastRenewal> lastRenewal, Instant at) {

    public AccountHealth {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(sessionEndsAt, "sessionEndsAt is required (use Optional.empty())");
        Objects.requireNonNull(blockedBecause, "blockedBecause is required (use Optional.empty())");
        Objects.requireNonNull(lastRenewal, "lastRenewal is required (use Optional.empty())");
        Objects.requireNonNull(at, "at is required");
    }

    /** Whether a call made now would carry a valid token without waiting for a renewal. */
    public boolean canTrade() {
        return state.canTrade();
    }

    /** The time left until the session ends (zero once it has); empty when none is held. */
    public Optional<Duration> timeLeft() {
        return sessionEndsAt.map(end -> end.isAfter(at) ? Duration.between(at, end) : Duration.ZERO);
    }
}
