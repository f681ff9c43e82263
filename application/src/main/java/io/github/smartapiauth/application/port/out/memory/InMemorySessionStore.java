package io.github.smartapiauth.application.port.out.memory;

import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
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
 */
public final class InMemorySessionStore implements SessionStorePort {

    private final ConcurrentMap<ClientCode, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> load(ClientCode account) {
        Objects.requireNonNull(account, "account");
        return Optional.ofNullable(sessions.get(account)).map(InMemorySessionStore::copy);
    }

    @Override
    public void save(Session session) {
        sessions.put(session.clientCode(), copy(session));
    }

    @Override
    public void delete(ClientCode account) {
        sessions.remove(Objects.requireNonNull(account, "account"));
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
}
