package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A session store in a map, with counters and a switch to make it unreadable. */
public final class InMemoryStore implements SessionStorePort {

    private final ConcurrentMap<ClientCode, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private volatile boolean unreadable;

    @Override
    public Optional<Session> load(ClientCode account) {
        if (unreadable) {
            throw new SessionStoreException("cannot open the test store: it was made unreadable on purpose");
        }
        return Optional.ofNullable(sessions.get(account));
    }

    @Override
    public void save(Session session) {
        saves.incrementAndGet();
        sessions.put(session.clientCode(), session);
    }

    @Override
    public void delete(ClientCode account) {
        sessions.remove(account);
    }

    @Override
    public String describe() {
        return "memory (test)";
    }

    /** Puts a session as another process would, without counting a save. */
    public void putFromElsewhere(Session session) {
        sessions.put(session.clientCode(), session);
    }

    public Optional<Session> peek(ClientCode account) {
        return Optional.ofNullable(sessions.get(account));
    }

    public int saves() {
        return saves.get();
    }

    public void makeUnreadable(boolean value) {
        unreadable = value;
    }
}
