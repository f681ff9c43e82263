package io.github.smartapiauth.application.service;

import java.util.function.UnaryOperator;

/**
 * Where an account's {@link AccountState} lives: one volatile field for lock-free reads, changes
 * under this object's lock, and an epoch that a logout raises so a renewal begun before it never
 * publishes after it.
 */
final class AccountStateCell {

    private volatile AccountState state = AccountState.NONE;
    /** Raised by logout; a change tagged with an older epoch is dropped. Guarded by this. */
    private long epoch;
    /** Explicit logins under way ({@link #beginLogin()} to {@link #endLogin()}). Guarded by this. */
    private int logins;
    /** Explicit logins ever begun: a logout read from the store before one began is out of date. Guarded by this. */
    private long loginsBegun;

    /** The current state: one volatile read. */
    AccountState read() {
        return state;
    }

    synchronized long epoch() {
        return epoch;
    }

    /** Applies {@code change} unless a logout happened since {@code startedIn}; says whether it applied. */
    synchronized boolean update(UnaryOperator<AccountState> change, long startedIn) {
        if (epoch != startedIn) {
            return false;
        }
        state = change.apply(state);
        return true;
    }

    /** A state together with the epoch it belongs to. */
    record Observed(AccountState state, long epoch) {
    }

    /** Applies {@code change} whatever the epoch. */
    synchronized AccountState change(UnaryOperator<AccountState> change) {
        state = change.apply(state);
        return state;
    }

    /** Forgets the session for good and opens a new epoch, so no renewal in flight publishes. */
    synchronized void remove(AccountState removed) {
        epoch++;
        state = removed;
    }

    /**
     * An explicit login begins: lifts a block, and returns the state with the epoch the login
     * publishes under. Until {@link #endLogin()}, a logout another process announced does not
     * log out here: the login is the later act, and lifts that logout in the store when it saves.
     */
    synchronized Observed beginLogin() {
        logins++;
        loginsBegun++;
        state = state.unblocked();
        return new Observed(state, epoch);
    }

    /**
     * How many explicit logins ever began: read before the store's logout mark, and handed to
     * {@link #logOutAsElsewhere(long)}, so that a mark read before a login began (and lifted by it since) does not
     * log that login out.
     */
    synchronized long loginsBegun() {
        return loginsBegun;
    }

    /** The explicit login begun with {@link #beginLogin()} ended, whatever its outcome. */
    synchronized void endLogin() {
        logins--;
    }

    /**
     * A logout another process announced: as {@link #logOut()}, unless the account is logged out
     * already, was removed, or an explicit login is under way here (its save lifts that logout; a
     * login that fails leaves it, and the next renewal, which checks for it under the lease, obeys
     * it). Says whether it logged out.
     */
    synchronized boolean logOutAsElsewhere(long loginsSeen) {
        if (logins > 0 || loginsBegun != loginsSeen || state.loggedOut() || state.removedBecause().isPresent()) {
            return false;
        }
        logOut();
        return true;
    }

    /** Forgets the session and opens a new epoch; returns the state before, with the new epoch. */
    synchronized Observed logOut() {
        AccountState before = state;
        epoch++;
        state = AccountState.LOGGED_OUT;
        return new Observed(before, epoch);
    }
}
