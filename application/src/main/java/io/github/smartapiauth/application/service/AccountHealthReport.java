package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.service.AccountState.Refused;
import io.github.smartapiauth.application.service.AccountState.Valid;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.domain.health.LastRenewal;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's health from its {@link AccountState} and its last renewal: memory only, no store, no
 * network. A block or a logout outranks what is held (a blocked account may still hand out a valid
 * token until it ends, and says so in {@code sessionEndsAt}).
 */
final class AccountHealthReport {

    private AccountHealthReport() {
    }

    static AccountHealth of(ClientCode account, AccountState seen, Optional<LastRenewal> last, CoreDependencies core) {
        Instant now = core.clock().instant();
        Optional<Instant> endsAt = seen.holding() instanceof Valid valid ? Optional.of(valid.expiredAt())
                : Optional.empty();
        Optional<String> blockedBecause = seen.blockedBy().map(Throwable::getMessage);
        return new AccountHealth(account, stateOf(seen, now), endsAt, blockedBecause, last, now);
    }

    private static HealthState stateOf(AccountState seen, Instant now) {
        if (seen.blockedBy().isPresent() || seen.removedBecause().isPresent()) {
            return HealthState.BLOCKED;
        }
        if (seen.loggedOut()) {
            return HealthState.LOGGED_OUT;
        }
        if (seen.holding() instanceof Refused) {
            return HealthState.EXPIRED;
        }
        if (seen.holding() instanceof Valid valid) {
            if (now.isBefore(valid.staleAt())) {
                return HealthState.FRESH;
            }
            return now.isBefore(valid.expiredAt()) ? HealthState.STALE : HealthState.EXPIRED;
        }
        return HealthState.NO_SESSION;
    }
}
