package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.service.AccountState.Open;
import io.github.smartapiauth.application.service.AccountState.Valid;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionState;
import java.time.Instant;

/**
 * Takes up the stored session when another process saved a newer, valid one (a shared store's
 * renewal notice). Needs neither the broker nor the lease; skipped while a renewal runs here, since
 * that renewal re-reads the store under the lease itself. When the store says another process logged
 * the account out, logs it out here too, whether a renewal runs or not.
 */
final class StoredSessionAdoption {

    private final ClientCode account;
    private final CoreDependencies core;
    private final AccountStateCell cell;
    private final AccountEvents events;

    StoredSessionAdoption(ClientCode account, CoreDependencies core, AccountStateCell cell, AccountEvents events) {
        this.account = account;
        this.core = core;
        this.cell = cell;
        this.events = events;
    }

    /**
     * Takes up the stored session, or, when the shared store says another process logged the account
     * out, logs it out here too (forgets the session, no automatic login until an explicit one).
     */
    boolean adoptUnless(boolean renewalRunning) {
        AccountState seen = cell.read();
        long loginsSeen = cell.loginsBegun();
        if (!seen.loggedOut() && seen.removedBecause().isEmpty() && loggedOutElsewhere()) {
            // Whether a renewal runs or not: the logout wins, as a logout here would (unless a login began since).
            if (!cell.logOutAsElsewhere(loginsSeen)) {
                return false;
            }
            events.publish(new SessionEvent.LoggedOut(account, core.clock().instant(), false));
            return true;
        }
        if (renewalRunning || seen.session() == null || !(seen.gate() instanceof Open)) {
            return false;
        }
        long startedIn = cell.epoch();
        Session stored;
        try {
            stored = core.store().load(account).orElse(null);
        } catch (SessionStoreException unreadable) {
            events.publish(new SessionEvent.StoreFailed(account, core.clock().instant(), unreadable));
            return false;
        }
        Instant now = core.clock().instant();
        if (stored == null || !stored.clientCode().equals(account)
                || core.settings().policy().stateOf(stored, now) == SessionState.EXPIRED) {
            return false;
        }
        boolean[] adopted = {false};
        cell.update(latest -> {
            Session current = latest.session();
            if (current == null || !(latest.gate() instanceof Open)
                    || !stored.renewedAt().isAfter(current.renewedAt())
                    || stored.tokens().accessToken().sameValueAs(current.tokens().accessToken())) {
                return latest;
            }
            adopted[0] = true;
            return AccountState.serving(stored, core.settings().policy());
        }, startedIn);
        if (adopted[0]) {
            events.publish(new SessionEvent.Restored(account, now, stored.expiresAt()));
        }
        return adopted[0];
    }

    /** The shared store's logout mark; unreadable counts as none (the read that follows reports it). */
    private boolean loggedOutElsewhere() {
        try {
            return core.store().loggedOut(account);
        } catch (SessionStoreException unreadable) {
            return false;
        }
    }
}
