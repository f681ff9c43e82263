package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** An account's status from memory (or the store, before the first request), without the network. */
final class AccountStatusReport {

    private AccountStatusReport() {
    }

    static SessionStatus of(ClientCode account, AccountState seen, CoreDependencies core) {
        Optional<String> blockedBy = seen.blockedBy().map(Throwable::getMessage);
        if (seen.loggedOut()) {
            blockedBy = Optional.of("logged out; open a session again to resume");
        }
        Session session = seen.session();
        boolean fromMemory = session != null;
        Optional<SessionStoreException> storeProblem = Optional.empty();
        if (session == null && !seen.loggedOut()) {
            try {
                session = core.store().load(account).orElse(null);
            } catch (SessionStoreException unreadable) {
                storeProblem = Optional.of(unreadable);
            }
        }
        Optional<SessionStatus.Summary> summary = Optional.empty();
        if (session != null) {
            SessionPolicy policy = core.settings().policy();
            Instant now = core.clock().instant();
            Duration left = Duration.between(now, session.expiresAt());
            SessionState state = fromMemory && seen.isRefused() ? SessionState.EXPIRED : policy.stateOf(session, now);
            summary = Optional.of(new SessionStatus.Summary(state, session.openedAt(), session.renewedAt(),
                    session.expiresAt(), left.isNegative() ? Duration.ZERO : left));
        }
        return new SessionStatus(account, summary, core.store().describe(), blockedBy, storeProblem);
    }
}
