package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import java.util.Optional;

/**
 * Keeps each account's current session across restarts (and, for shared stores, across
 * processes). A store that cannot read what it holds throws
 * {@link io.github.smartapiauth.domain.error.SessionStoreException} and must never overwrite it.
 *
 * <p><b>Fencing.</b> Every write carries the {@link SessionLeasePort.Lease} that grants it, taken
 * from the lease port the store is paired with (the in-memory lease with the in-memory store, the
 * file lease on the same directory with the file vault, the Redis lease with the Redis store).
 * A store refuses, with a {@code SessionStoreException} naming the account (never a secret), a
 * save or delete whose lease's {@link SessionLeasePort.Lease#fencingToken() fencing token} is
 * lower than the newest grant of that account's lease it knows of: a renewer that stalled past
 * its lease cannot replace the session a newer renewer saved. Reads need no lease.
 */
public interface SessionStorePort {

    Optional<Session> load(ClientCode account);

    /**
     * Replaces the account's session; all or nothing.
     *
     * @param lease the account's lease, held by the caller, that grants this write
     * @throws io.github.smartapiauth.domain.error.SessionStoreException when the lease's fencing
     *     token is older than the newest grant (a newer renewer holds the lease), or the write failed
     */
    void save(Session session, SessionLeasePort.Lease lease);

    /**
     * As {@link #save}, for a session the core renewed on its own (a refresh, an automatic login):
     * a shared store writes it only while no logout is in force ({@link #loggedOut}), checked
     * atomically with the write, so that a logout made elsewhere is never lifted by anything but
     * an explicit login ({@link #save}), whatever a separate read of the mark said. A store of one
     * process has no such mark and saves.
     *
     * @return true when saved; false when a logout is in force and nothing was written
     * @throws io.github.smartapiauth.domain.error.SessionStoreException as {@link #save}
     */
    default boolean saveUnlessLoggedOut(Session session, SessionLeasePort.Lease lease) {
        save(session, lease);
        return true;
    }

    /**
     * Forgets the account's session; nothing happens when there is none. Fenced like
     * {@link #save}.
     */
    void delete(ClientCode account, SessionLeasePort.Lease lease);

    /**
     * Whether a logout of the account, made by any process sharing this store, is still in force:
     * no explicit login saved a session since. A shared store keeps this mark (a tombstone) until
     * the logged-out session would have ended; the core then neither renews nor logs in on its own,
     * exactly as after a logout of its own. A store of one process has no such mark: false.
     *
     * @throws io.github.smartapiauth.domain.error.SessionStoreException when the store cannot be read
     */
    default boolean loggedOut(ClientCode account) {
        return false;
    }

    /**
     * The account was logged out (or removed) here: a store that keeps, besides what it stores, a
     * copy of the sessions it served (to write them back after the shared store lost its data)
     * drops the account's copy, and does not take it up again from a read that was under way. No
     * I/O; nothing by default.
     */
    default void forget(ClientCode account) {
    }

    /** Where sessions are kept, for status output (e.g. a file path); never a secret. */
    String describe();
}
