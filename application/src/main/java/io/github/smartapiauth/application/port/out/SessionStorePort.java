package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import java.util.Optional;

/**
 * Keeps each account's current session across restarts (and, for shared stores, across
 * processes). A store that cannot read what it holds throws
 * {@link io.github.smartapiauth.domain.error.SessionStoreException} and must never overwrite it.
 */
public interface SessionStorePort {

    Optional<Session> load(ClientCode account);

    /** Replaces the account's session; all or nothing. */
    void save(Session session);

    /** Forgets the account's session; nothing happens when there is none. */
    void delete(ClientCode account);

    /** Where sessions are kept, for status output (e.g. a file path); never a secret. */
    String describe();
}
