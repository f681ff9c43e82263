package io.github.smartapiauth.application.port.out.memory;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions in memory, lost when the process ends. Keeps its own copies, so a caller that
 * wipes a session it saved or loaded does not wipe the stored one. It lives next to the ports,
 * not in an adapter module, because it needs nothing but the JDK and the domain, and the
 * application's test-jar builds its store fake on it.
 *
 * <p>Fencing: it remembers, per account, the highest fencing token any write carried, and refuses
 * a save or delete under a lower one (a renewer whose lease was granted again since). Pair it
 * with {@link InMemorySessionLease}, whose tokens grow with every grant.
 */
public final class InMemorySessionStore implements SessionStorePort {

    /** Per account: the session (null once deleted) and the highest fencing token written under. */
    private final ConcurrentMap<ClientCode, Entry> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> load(ClientCode account) {
        Objects.requireNonNull(account, "account");
        return Optional.ofNullable(sessions.get(account)).map(Entry::session).map(InMemorySessionStore::copy);
    }

    @Override
    public void save(Session session, SessionLeasePort.Lease lease) {
        Objects.requireNonNull(session, "session");
        write(session.clientCode(), copy(session), lease, "saved");
    }

    @Override
    public void delete(ClientCode account, SessionLeasePort.Lease lease) {
        write(Objects.requireNonNull(account, "account"), null, lease, "deleted");
    }

    private void write(ClientCode account, Session session, SessionLeasePort.Lease lease, String what) {
        long token = Objects.requireNonNull(lease, "lease").fencingToken();
        sessions.compute(account, (any, entry) -> {
            if (entry != null && token < entry.fence()) {
                throw fencedOut(account, token, entry.fence(), what);
            }
            return new Entry(session, token);
        });
    }

    private static SessionStoreException fencedOut(ClientCode account, long token, long newest, String what) {
        return new SessionStoreException("the session of " + account + " was not " + what + ": its lease (fencing"
                + " token " + token + ") is older than the newest one written under (" + newest + "); a newer"
                + " renewer holds the lease and the session it saved stays");
    }

    @Override
    public String describe() {
        return "memory (sessions are lost when the process ends)";
    }

    private static Session copy(Session session) {
        TokenSet tokens = session.tokens();
        AccessToken access = tokens.accessToken().expiresAt()
                .map(at -> AccessToken.of(tokens.accessToken().value(), at))
                .orElseGet(() -> AccessToken.withoutExpiry(tokens.accessToken().value()));
        TokenSet copied = new TokenSet(access, RefreshToken.of(tokens.refreshToken().value()),
                FeedToken.of(tokens.feedToken().value()));
        return new Session(session.clientCode(), copied, session.openedAt(), session.renewedAt(), session.expiresAt());
    }

    private record Entry(Session session, long fence) {
    }
}
