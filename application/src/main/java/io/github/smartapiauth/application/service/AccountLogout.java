package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import java.util.Optional;

/**
 * Ends an account's session: forgets it in memory at once (so no automatic login follows), lets a
 * renewal in flight end, then under the lease logs out the newer of the remembered and the stored
 * session at the broker and deletes it from the store (unless the store could not be read).
 */
final class AccountLogout {

    private final AccountKeys keys;
    private final ClientCode account;
    private final CoreDependencies core;
    private final AccountStateCell cell;
    private final AccountEvents events;
    private final BrokerCallRetrier retrier;
    private final SingleFlightRenewal renewals;

    AccountLogout(AccountKeys keys, CoreDependencies core, AccountStateCell cell, AccountEvents events,
                  BrokerCallRetrier retrier, SingleFlightRenewal renewals) {
        this.keys = keys;
        this.account = keys.credentials().clientCode();
        this.core = core;
        this.cell = cell;
        this.events = events;
        this.retrier = retrier;
        this.renewals = renewals;
    }

    LogoutResult logOut() {
        AccountStateCell.Observed before = cell.logOut();
        // Nothing of this account is written back after a shared store's data loss, whatever follows.
        core.store().forget(account);
        if (!renewals.endForLogout()) {
            throw interrupted();
        }
        LogoutResult result;
        try (Lease lease = core.lease().acquire(account, core.settings().leaseWait())) {
            result = underLease(before, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        } finally {
            // Again: a renewal that was in flight may have saved meanwhile.
            core.store().forget(account);
        }
        if (result.hadSession()) {
            // After the lease is released, so that a listener may open a session again at once.
            events.publish(new SessionEvent.LoggedOut(account, core.clock().instant(), result.serverConfirmed()));
        }
        return result;
    }

    private LogoutResult underLease(AccountStateCell.Observed before, Lease lease) throws InterruptedException {
        Session stored = null;
        SessionStoreException storeError = null;
        try {
            stored = core.store().load(account).orElse(null);
        } catch (SessionStoreException unreadable) {
            // Log out what memory holds, and leave the unreadable store as it is.
            storeError = unreadable;
        }
        // An open() since this logout began may have saved a new session: that one is not ours to end.
        boolean reopened = cell.epoch() != before.epoch() || !cell.read().loggedOut();
        Session session = reopened ? before.state().session() : Renewer.newer(before.state().session(), stored);
        boolean mayDelete = storeError == null && !reopened;
        if (session == null) {
            deleteIf(mayDelete, lease);
            return new LogoutResult(account, false, false, Optional.empty(), Optional.ofNullable(storeError));
        }
        SmartApiAuthException serverError = null;
        try {
            retrier.call(() -> {
                keys.authentication().logout(keys.credentials(), session.tokens().accessToken());
                return null;
            });
        } catch (SmartApiAuthException e) {
            serverError = e;
        } finally {
            deleteIf(mayDelete, lease);
        }
        return new LogoutResult(account, true, serverError == null, Optional.ofNullable(serverError),
                Optional.ofNullable(storeError));
    }

    /** Deletes under the lease this logout holds (see {@link io.github.smartapiauth.application.port.out.SessionStorePort}). */
    private void deleteIf(boolean mayDelete, Lease lease) {
        if (mayDelete) {
            core.store().delete(account, lease);
        }
    }

    private InterruptedWaitException interrupted() {
        return new InterruptedWaitException("the logout of " + account + " was interrupted; the session is"
                + " forgotten in memory but may still be stored and live at the broker; log out again");
    }
}
