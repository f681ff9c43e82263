package io.github.smartapiauth.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open sessions, bounded so that a long run at full speed keeps its memory: a session is
 * forgotten when it is logged out or revoked, when its tokens have expired, when nobody used it
 * for the idle timeout (sandbox clock), and, beyond {@code maxPerAccount} sessions of one
 * account, the one least recently used. A forgotten session's tokens are refused as after a
 * server-side logout (AG8001, AB8050).
 */
final class SessionRegistry {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final long SWEEP_EVERY_OPENS = 10_000;

    private final Map<String, SandboxSession> byId = new ConcurrentHashMap<>();
    private final Map<String, LinkedHashMap<String, SandboxSession>> byAccount = new ConcurrentHashMap<>();
    private final int maxPerAccount;
    private final Duration idleTimeout;
    private final AtomicLong opensSinceSweep = new AtomicLong();
    private volatile Instant nextSweep = Instant.MIN;

    SessionRegistry(int maxPerAccount, Duration idleTimeout) {
        this.maxPerAccount = maxPerAccount;
        this.idleTimeout = idleTimeout;
    }

    void add(SandboxSession session, Instant now) {
        sweepIfDue(now);
        LinkedHashMap<String, SandboxSession> sessions = byAccount.computeIfAbsent(session.clientCode(),
                code -> new LinkedHashMap<>(16, 0.75f, true));
        byId.put(session.id(), session);
        synchronized (sessions) {
            sessions.put(session.id(), session);
            Iterator<SandboxSession> eldest = sessions.values().iterator();
            while (sessions.size() > maxPerAccount) {
                SandboxSession evicted = eldest.next();
                eldest.remove();
                byId.remove(evicted.id());
                evicted.close();
            }
        }
    }

    /** The open session with this id, marked as used now; null when unknown, ended or forgotten. */
    SandboxSession use(String id, Instant now) {
        SandboxSession session = byId.get(id);
        if (session == null) {
            return null;
        }
        if (!session.isOpen() || isStale(session, now)) {
            forget(session);
            return null;
        }
        LinkedHashMap<String, SandboxSession> sessions = byAccount.get(session.clientCode());
        if (sessions != null) {
            synchronized (sessions) {
                sessions.get(id); // most recently used now
            }
        }
        session.usedAt(now);
        return session;
    }

    void forget(SandboxSession session) {
        session.close();
        byId.remove(session.id());
        LinkedHashMap<String, SandboxSession> sessions = byAccount.get(session.clientCode());
        if (sessions != null) {
            synchronized (sessions) {
                sessions.remove(session.id());
            }
        }
    }

    /** Ends every session of the account; returns how many were open. */
    int revokeAll(String clientCode) {
        LinkedHashMap<String, SandboxSession> sessions = byAccount.get(clientCode);
        if (sessions == null) {
            return 0;
        }
        List<SandboxSession> ended;
        synchronized (sessions) {
            ended = new ArrayList<>(sessions.values());
        }
        int revoked = 0;
        for (SandboxSession session : ended) {
            if (session.isOpen()) {
                revoked++;
            }
            forget(session);
        }
        return revoked;
    }

    void clear() {
        byAccount.keySet().forEach(this::revokeAll);
    }

    /** Forgets what is stale now and returns how many sessions are left. */
    int sweep(Instant now) {
        nextSweep = now.plus(SWEEP_EVERY);
        opensSinceSweep.set(0);
        for (SandboxSession session : byId.values()) {
            if (!session.isOpen() || isStale(session, now)) {
                forget(session);
            }
        }
        return byId.size();
    }

    int size() {
        return byId.size();
    }

    private void sweepIfDue(Instant now) {
        if (opensSinceSweep.incrementAndGet() >= SWEEP_EVERY_OPENS || !now.isBefore(nextSweep)) {
            sweep(now);
        }
    }

    private boolean isStale(SandboxSession session, Instant now) {
        return !now.isBefore(session.expiresAt()) || !now.isBefore(session.lastUsedAt().plus(idleTimeout));
    }
}
