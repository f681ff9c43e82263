package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.SessionSeal.SealException;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in Redis, sealed with AES-256-GCM; each expires when its session does. Every write
 * carries the fencing token of the lease it is made under (the port's {@code save(session, lease)}),
 * and the script that writes refuses it unless that token is still the account's latest grant, so
 * a renewer that stalled past its lease cannot replace a newer session.
 */
final class RedisSessionStore implements SessionStorePort {

    private final Connections redis;
    private final Keys keys;
    private final SessionSeal seal;
    private final Clock clock;
    private final String node;
    private final Duration logoutMemory;
    private final HeldSessions held;

    RedisSessionStore(Connections redis, Keys keys, SessionSeal seal, Clock clock, String node,
                      Duration logoutMemory, HeldSessions held) {
        this.held = held;
        this.redis = redis;
        this.keys = keys;
        this.seal = seal;
        this.clock = clock;
        this.node = node;
        this.logoutMemory = logoutMemory;
    }

    @Override
    public Optional<Session> load(ClientCode account) {
        String key = keys.session(Objects.requireNonNull(account, "account"));
        long generation = held.generation(account);
        byte[] value = redis.call("reading the session of " + account, commands -> commands.get(key));
        if (value == null) {
            return Optional.empty();
        }
        Session session;
        try {
            session = seal.open(value, key);
        } catch (SealException e) {
            throw new SessionStoreException("the session of " + account + " in Redis (" + redis.where()
                    + ") cannot be read: " + e.getMessage() + "; it is left as it is");
        }
        if (!session.clientCode().equals(account)) {
            throw new SessionStoreException("the session stored for " + account + " in Redis belongs to "
                    + session.clientCode() + "; it is left as it is");
        }
        held.rememberUnlessForgotten(session, generation);
        return Optional.of(session);
    }

    /** An explicit login's save: lifts a logout made by any process. */
    @Override
    public void save(Session session, Lease lease) {
        if (!write(session, lease, true)) {
            throw new IllegalStateException("the save script refused an explicit login for a logout");
        }
    }

    /** A renewal's (or a write-back's) save: refused, atomically, while a logout is in force. */
    @Override
    public boolean saveUnlessLoggedOut(Session session, Lease lease) {
        return write(session, lease, false);
    }

    @Override
    public void forget(ClientCode account) {
        held.forget(Objects.requireNonNull(account, "account"));
    }

    private boolean write(Session session, Lease lease, boolean explicitLogin) {
        ClientCode account = session.clientCode();
        long fence = Objects.requireNonNull(lease, "lease").fencingToken();
        long generation = held.generation(account);
        long written;
        try {
            written = script(session, fence, explicitLogin);
        } catch (SessionStoreException unreachable) {
            // Not refused: Redis was not reached (or did not answer in time). Once it is back, the write can still
            // be made under this lease, ahead of every other process (WriteBack).
            held.rememberUnsaved(new HeldSessions.Unsaved(session, fence, RedisSessionLease.ownerOf(lease),
                    explicitLogin), generation);
            throw unreachable;
        }
        if (written == 2) {
            return false;
        }
        if (written != 1) {
            throw fencedOut(account, fence, "saved");
        }
        // Held only once Redis took it (a write fenced out or refused brings nothing back after a loss),
        // and only when the account was not logged out here meanwhile.
        held.rememberUnlessForgotten(session, generation);
        return true;
    }

    /**
     * What became of an unsaved write tried again under its own lease: written; refused for a logout;
     * superseded (the lease was granted to another renewer since: its lineage is newer, this write is dropped);
     * or its grant lost (the fence is below the write's token or gone: a failover or restart lost it).
     */
    enum Retried { WRITTEN, LOGGED_OUT, SUPERSEDED, GRANT_LOST }

    /**
     * Makes a save that could not reach Redis under the lease it was made under: taken when nobody was
     * granted the lease since (the fence check), refused while a logout stands (unless it was an explicit login).
     */
    Retried retry(HeldSessions.Unsaved write) {
        Session session = write.session();
        long generation = held.generation(session.clientCode());
        long written = script(session, write.fencingToken(), write.explicitLogin());
        if (written == 1) {
            held.rememberUnlessForgotten(session, generation);
            return Retried.WRITTEN;
        }
        if (written == 2) {
            return Retried.LOGGED_OUT;
        }
        ClientCode account = session.clientCode();
        byte[] fence = redis.call("reading the fence of " + account, commands -> commands.get(keys.fence(account)));
        return fence != null && Long.parseLong(new String(fence, StandardCharsets.UTF_8)) > write.fencingToken()
                ? Retried.SUPERSEDED : Retried.GRANT_LOST;
    }

    /** Runs the save script: 1 written, 0 fenced out, 2 refused for a logout. */
    private long script(Session session, long fence, boolean explicitLogin) {
        ClientCode account = session.clientCode();
        String key = keys.session(account);
        // Redis needs a positive time to live; a session saved after its end vanishes at once.
        long ttl = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toMillis());
        byte[] sealed = seal.seal(session, key);
        Long written = redis.call("saving the session of " + account, commands -> commands.eval(Scripts.SAVE,
                ScriptOutputType.INTEGER, new String[] {key, keys.fence(account), keys.tombstone(account)}, sealed,
                text(Long.toString(ttl)), text(Long.toString(fence)), text(keys.renewals(account)), text(node),
                text(explicitLogin ? "1" : "0")));
        return written == null ? 0 : written;
    }

    @Override
    public void delete(ClientCode account, Lease lease) {
        Objects.requireNonNull(account, "account");
        long fence = Objects.requireNonNull(lease, "lease").fencingToken();
        held.forget(account);
        Long deleted = redis.call("deleting the session of " + account, commands -> commands.eval(Scripts.DELETE,
                ScriptOutputType.INTEGER, new String[] {keys.session(account), keys.fence(account),
                    keys.tombstone(account)}, text(Long.toString(fence)), text(Long.toString(logoutMemory.toMillis())),
                text(keys.renewals(account)), text(node)));
        if (deleted == null || deleted == 0) {
            throw fencedOut(account, fence, "deleted");
        }
    }

    /** Whether a process logged the account out and no explicit login saved a session since (the tombstone). */
    @Override
    public boolean loggedOut(ClientCode account) {
        String key = keys.tombstone(Objects.requireNonNull(account, "account"));
        Long exists = redis.call("reading the logout mark of " + account, commands -> commands.exists(key));
        return exists != null && exists > 0;
    }

    @Override
    public String describe() {
        return "Redis " + redis.where() + " (keys '" + keys.prefix() + "{<client code>}:*', sessions sealed with"
                + " AES-256-GCM)";
    }

    private static SessionStoreException fencedOut(ClientCode account, long fence, String what) {
        return new SessionStoreException("the session of " + account + " was not " + what + ": the lease it was"
                + " renewed under (fencing token " + fence + ") has been granted to another renewer since; a newer"
                + " renewer holds the lease, and the session in Redis stays");
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
