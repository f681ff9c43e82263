package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.service.AccountState.Refused;
import io.github.smartapiauth.application.service.AccountState.Valid;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.application.port.in.AccountSpec;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.event.SessionEvent.Expired;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One account: the lock-free FRESH path, and the entry to everything else the account does.
 *
 * <ul>
 *   <li>FRESH: one volatile read, one clock reading in milliseconds and one comparison, no lock.</li>
 *   <li>STALE: the first caller starts a refresh ahead of time; every caller keeps the valid token.</li>
 *   <li>EXPIRED, absent or refused: callers wait for one renewal ({@link SingleFlightRenewal}).</li>
 * </ul>
 *
 * Bad credentials (and repeated TOTP or clock failures) stop automatic renewal until {@link #open()};
 * a logout stops it until then too.
 */
final class AccountSession implements AccountTokens {

    private final ClientCode account;
    private final CoreDependencies core;
    private final AccountStateCell cell = new AccountStateCell();
    private final AccountEvents events;
    private final BrokerCallRetrier retrier;
    private final Renewer renewer;
    private final SingleFlightRenewal renewals;
    private final RenewalRecorder recorder;
    private volatile AccountKeys keys;

    AccountSession(AccountSpec spec, CoreDependencies core) {
        this.account = spec.clientCode();
        this.core = core;
        this.keys = AccountKeys.of(spec, core, 0);
        this.events = new AccountEvents(account, core);
        this.retrier = new BrokerCallRetrier(core);
        this.recorder = new RenewalRecorder(account, core.metrics(), core.clock());
        this.renewer = new Renewer(account, core, retrier, this::keys, recorder);
        this.renewals = new SingleFlightRenewal(account, core, cell, events, renewer, this::keys, recorder);
    }

    private AccountKeys keys() {
        return keys;
    }

    @Override
    public ClientCode account() {
        return account;
    }

    @Override
    public AccessToken accessToken() {
        return validSession().tokens().accessToken();
    }

    /** Completes at once on the calling thread while the session is FRESH or STALE; never blocks. */
    @Override
    public CompletableFuture<AccessToken> accessTokenAsync() {
        AccountState seen = cell.read();
        if (seen.surelyFreshAt(core.clock().millis())) {
            return CompletableFuture.completedFuture(seen.freshSession().tokens().accessToken());
        }
        if (seen.holding() instanceof Valid valid) {
            Instant now = core.clock().instant();
            if (now.isBefore(valid.expiredAt())) {
                if (!now.isBefore(valid.staleAt())) {
                    renewals.refreshAhead(seen, valid, now);
                }
                return CompletableFuture.completedFuture(valid.session().tokens().accessToken());
            }
        }
        return renewals.renewAsync(seen, reasonToRenew(seen)).thenApply(session -> session.tokens().accessToken());
    }

    @Override
    public Session validSession() {
        AccountState seen = cell.read();
        // The order path: Clock.millis() is an intrinsic on the system clock, cheaper than building an
        // Instant (which costs a JNI call, see docs/benchmarks.md); the exact checks below cover the rest.
        if (seen.surelyFreshAt(core.clock().millis())) {
            return seen.freshSession();
        }
        if (seen.holding() instanceof Valid valid) {
            Instant now = core.clock().instant();
            if (now.isBefore(valid.staleAt())) {
                return valid.session();
            }
            if (now.isBefore(valid.expiredAt())) {
                renewals.refreshAhead(seen, valid, now);
                return valid.session();
            }
        }
        return renewals.renewAndWait(seen, reasonToRenew(seen));
    }

    /** Logs in now, after any renewal in flight has ended; also the way back after a logout or a block. */
    Session open() {
        return renewals.logIn(cell.beginLogin());
    }

    Session refresh() {
        return renewals.renewAndWait(cell.read(), RenewalReason.REFRESH);
    }

    boolean reportRejected(AccessToken token) {
        if (!holdsUnrefused(cell.read(), token)) {
            return false;
        }
        boolean[] refused = {false};
        cell.change(current -> {
            if (!holdsUnrefused(current, token)) {
                return current;
            }
            refused[0] = true;
            return current.refused();
        });
        if (refused[0]) {
            events.publish(new Expired(account, core.clock().instant(), Expired.Cause.REJECTED_BY_BROKER));
        }
        return refused[0];
    }

    private static boolean holdsUnrefused(AccountState state, AccessToken token) {
        return state.holding() instanceof Valid valid && valid.session().tokens().accessToken().sameValueAs(token);
    }

    /** Takes up a newer, valid session another process saved; see {@link StoredSessionAdoption}. */
    boolean adoptStored() {
        return new StoredSessionAdoption(account, core, cell, events).adoptUnless(renewals.running());
    }

    Profile profile() {
        Session session = validSession();
        try {
            return fetchProfile(session);
        } catch (SessionExpiredException rejected) {
            // The broker refused a token we thought valid: renew once and ask again.
            reportRejected(session.tokens().accessToken());
            return fetchProfile(validSession());
        }
    }

    LogoutResult logOut() {
        return new AccountLogout(keys, core, cell, events, retrier, renewals).logOut();
    }

    /**
     * New credentials (and TOTP source, broker adapters): a renewal under the old ones saves and
     * publishes nothing and ends with a declared error; a block they caused is lifted.
     */
    void replaceKeys(AccountSpec spec) {
        synchronized (this) {
            keys = keys.replacedBy(spec, core);
        }
        renewer.forgetTotpFailures();
        cell.change(AccountState::credentialsReplaced);
    }

    /** Ends the account for good; a handle the platform kept fails naming it from now on. */
    void remove() {
        ConfigurationException removed = new ConfigurationException("the account " + account + " was removed;"
                + " add it again to use it");
        cell.remove(AccountState.removed(removed));
        renewals.endForRemoval(removed);
        core.store().forget(account);
    }

    SessionStatus status() {
        return AccountStatusReport.of(account, cell.read(), core);
    }

    /** From memory only: no store, no network. */
    AccountHealth health() {
        return AccountHealthReport.of(account, cell.read(), recorder.last(), core);
    }

    private Profile fetchProfile(Session session) {
        try {
            AccountKeys current = keys;
            return retrier.call(() -> current.profiles().profile(current.credentials(), session.tokens().accessToken()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedWaitException("the profile request of " + account + " was interrupted while it"
                    + " waited to retry; nothing is known about the token", e);
        }
    }

    private static RenewalReason reasonToRenew(AccountState seen) {
        if (seen.holding() instanceof Refused) {
            return RenewalReason.REJECTED;
        }
        return seen.holding() instanceof Valid ? RenewalReason.EXPIRED : RenewalReason.ABSENT;
    }
}
