package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionStore;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.time.Duration;
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
    private volatile boolean markUnreadable;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> afterNextMarkRead =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Accounts another process logged out (a shared store's tombstone); a save lifts the mark. */
    private final java.util.Set<ClientCode> loggedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Session> load(ClientCode account) {
        if (unreadable) {
            throw new SessionStoreException("cannot open the test store: it was made unreadable on purpose");
        }
        return sessions.load(account);
    }

    @Override
    public void save(Session session, SessionLeasePort.Lease lease) {
        saves.incrementAndGet();
        sessions.save(session, lease);
        loggedOut.remove(session.clientCode());
    }

    /** The accounts the core told this store to forget, in order. */
    private final java.util.List<ClientCode> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void forget(ClientCode account) {
        forgotten.add(account);
    }

    public java.util.List<ClientCode> forgotten() {
        return java.util.List.copyOf(forgotten);
    }

    /** A shared store's atomic check: refuses while the logout mark stands. */
    @Override
    public boolean saveUnlessLoggedOut(Session session, SessionLeasePort.Lease lease) {
        synchronized (loggedOut) {
            if (loggedOut.contains(session.clientCode())) {
                return false;
            }
            save(session, lease);
            return true;
        }
    }

    /** Makes the next reads of the logout mark fail (a transient timeout), while sessions stay readable. */
    public void logoutMarkUnreadable(boolean unreadable) {
        this.markUnreadable = unreadable;
    }

    @Override
    public boolean loggedOut(ClientCode account) {
        if (markUnreadable) {
            throw new SessionStoreException("cannot read the logout mark of the test store: made so on purpose");
        }
        if (unreadable) {
            throw new SessionStoreException("cannot open the test store: it was made unreadable on purpose");
        }
        boolean marked = loggedOut.contains(account);
        Runnable hook = afterNextMarkRead.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
        return marked;
    }

    /**
     * Runs {@code hook} once, on the reading thread, right after the next read of a logout mark and before
     * that read's answer is returned: what happens between a read of the mark and its use.
     */
    public void afterNextMarkRead(Runnable hook) {
        afterNextMarkRead.set(hook);
    }

    /**
     * Logs the account out as another process sharing the store would: deletes its session under a
     * lease of {@code leases} and leaves the mark a shared store keeps until the next save.
     */
    public void logOutFromElsewhere(ClientCode account, SessionLeasePort leases) {
        deleteFromElsewhere(account, leases);
        loggedOut.add(account);
    }

    @Override
    public void delete(ClientCode account, SessionLeasePort.Lease lease) {
        sessions.delete(account, lease);
    }

    @Override
    public String describe() {
        return "memory (test)";
    }

    /**
     * Puts a session as another process would (under a lease of {@code leases}, the lease port
     * shared with the core), without counting a save.
     */
    public void putFromElsewhere(Session session, SessionLeasePort leases) {
        try (SessionLeasePort.Lease lease = leases.acquire(session.clientCode(), Duration.ofSeconds(10))) {
            sessions.save(session, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the lease of " + session.clientCode(), e);
        }
    }

    /** Deletes a session as another process would, under a lease of {@code leases}. */
    public void deleteFromElsewhere(ClientCode account, SessionLeasePort leases) {
        try (SessionLeasePort.Lease lease = leases.acquire(account, Duration.ofSeconds(10))) {
            sessions.delete(account, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the lease of " + account, e);
        }
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
