package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts are data, not wiring: add, remove and re-key them while the core runs, each without
 * disturbing the sessions, renewals or listeners of the others.
 */
public interface ManageAccountsUseCase {

    /** What to do with a removed account's session. */
    enum OnRemoval {
        /** End the session at the broker and forget it in the store. */
        LOG_OUT,
        /** Forget the account here; its stored session stays (another process may still use it). */
        KEEP_SESSION
    }

    Set<ClientCode> accounts();

    /**
     * Adds an account; no I/O until it is first asked for something.
     *
     * @throws io.github.smartapiauth.domain.error.ConfigurationException when it is already there
     */
    void addAccount(AccountSpec account);

    /**
     * Removes an account: a renewal in flight for it ends with a declared error, and every later call
     * on it (a handle kept by the platform included) fails naming it.
     *
     * @return the logout's result, when {@link OnRemoval#LOG_OUT} was asked
     * @throws io.github.smartapiauth.domain.error.ConfigurationException when there is no such account
     */
    Optional<LogoutResult> removeAccount(ClientCode account, OnRemoval onRemoval);

    /**
     * Replaces an account's credentials (a new MPIN, API key) and, if given, its TOTP source and broker
     * adapters. A renewal in flight under the old credentials ends with a declared error and never
     * saves or publishes its session; a block caused by bad credentials is lifted.
     *
     * @throws io.github.smartapiauth.domain.error.ConfigurationException when there is no such account
     */
    void replaceCredentials(AccountSpec account);
}
