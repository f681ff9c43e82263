package io.github.smartapiauth.domain.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How an account's most recent renewal ended.
 *
 * @param kind the last step it took (restore, refresh or login); empty when it failed before taking one
 *     (the store's lease could not be had, the trading day's cut-off)
 * @param outcome success, or the kind of failure
 * @param at when it ended, by the library's clock
 */
public record LastRenewal(Optional<RenewalKind> kind, Outcome outcome, Instant at) {

    public LastRenewal {
        Objects.requireNonNull(kind, "kind is required (use Optional.empty())");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(at, "at is required");
    }
}
