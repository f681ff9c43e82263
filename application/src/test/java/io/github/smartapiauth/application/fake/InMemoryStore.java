package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionStore;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production {@link InMemorySessionStore} with test hooks around it: a save counter, a way
 * to put a session as another process would, a look at what is stored without going through
 * {@link #load}, and a switch that makes it unreadable. Everything it stores and returns is the
 * production store's behaviour (copies, so wiping a loaded session leaves the stored one intact).
 */
public final class InMemoryStore implements SessionStorePort {

    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final AtomicInteger saves = new AtomicInteger();
    private volatile boolean unreadable;

    @Override
    public Optional<Session> load(ClientCode account) {
        if (unreadable) {
            throw new SessionStoreException("cannot open the test store: it was made unreadable on purpose");
        }
        return sessions.load(account);
    }

    @Override
    public void save(Session session) {
        saves.incrementAndGet();
        sessions.save(session);
    }

    @Override
    public void delete(ClientCode account) {
        sessions.delete(account);
    }

    @Override
    public String describe() {
        return "memory (test)";
    }

    /** Puts a session as another process would, without counting a save. */
    public void putFromElsewhere(Session session) {
        sessions.save(session);
    }

    /** What is stored, read past the unreadable switch (a copy, as every read of the store). */
    public Optional<Session> peek(ClientCode account) {
        return sessions.load(account);
    }

    public int saves() {
        return saves.get();
    }

    public void makeUnreadable(boolean value) {
        unreadable = value;
    }
}
