package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.session.Session;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Redis shared by every process of a platform: the session store, the lease, and the notices
 * of renewals, over one pair of connections. Store and lease work as a pair: a save made by the
 * thread that holds an account's lease carries the lease's fencing token.
 *
 * <pre>{@code
 * RedisSessions redis = RedisSessions.builder(URI.create("redis://redis.internal:6379/0"))
 *         .keyFile(Path.of("/run/secrets/smartapi-redis.key")).build();
 * SessionService core = SessionService.builder().store(redis.store()).lease(redis.lease())...build();
 * redis.onRenewal(account -> core.adoptStoredSession(account));
 * }</pre>
 *
 * Building one does no I/O: it connects on first use, and reconnects by itself after an outage.
 */
public final class RedisSessions implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisSessions.class);

    /** The default prefix of every key and channel. */
    public static final String DEFAULT_PREFIX = "smartapi-auth:";

    static {
        // Before any Lettuce class loads: Lettuce's loggers are made when its classes are.
        RedisLogGuard.install();
    }

    private final Connections redis;
    private final Keys keys;
    private final SessionSeal seal;
    private final RenewalNotices notices;
    private final ScheduledExecutorService extender;
    private final ExecutorService dispatcher;
    private final SessionStorePort store;
    private final RedisSessionLease lease;
    private final OutageWatch outages;
    private final ExecutorService recovery;
    private final Duration commandTimeout;
    /** The URI's password, masked in Lettuce's and Netty's logs while this is open. */
    private final List<String> secrets;

    private RedisSessions(Builder builder, List<byte[]> key) {
        String node = UUID.randomUUID().toString();
        this.keys = new Keys(builder.prefix);
        this.seal = new SessionSeal(key);
        this.secrets = builder.secrets;
        secrets.forEach(RedisLogGuard::mask);
        this.commandTimeout = builder.commandTimeout;
        this.redis = new Connections(builder.location, builder.commandTimeout);
        this.extender = Executors.newSingleThreadScheduledExecutor(daemon("smartapi-auth-redis-lease"));
        this.dispatcher = Executors.newSingleThreadExecutor(daemon("smartapi-auth-redis-notices"));
        HeldSessions held = new HeldSessions();
        this.notices = new RenewalNotices(keys, node, dispatcher, held);
        RedisSessionStore redisStore = new RedisSessionStore(redis, keys, seal, builder.clock, node,
                builder.logoutMemory, held);
        this.store = new SubscribingStore(redisStore);
        this.lease = new RedisSessionLease(redis, keys, builder.leaseTime, extender);
        // Up to a whole lease time: a lease granted before the outage may lapse only then.
        WriteBack writeBack = new WriteBack(held, redisStore, lease, builder.clock,
                builder.leaseTime.plus(builder.commandTimeout));
        this.recovery = Executors.newSingleThreadExecutor(daemon("smartapi-auth-redis-recovery"));
        this.outages = new OutageWatch(redis, builder.clock, recovery, writeBack::run);
        redis.watch(outages);
    }

    /**
     * Settings for the store at {@code redis}: {@code redis://[:password@]host[:port][/database]}
     * ({@code rediss://} for TLS), or {@code redis-sentinel://[:password@]host1:26379,host2:26379/master[/database]}
     * ({@code rediss-sentinel://}) to follow the primary Redis Sentinel names through failovers.
     *
     * @throws ConfigurationException when the URI is not one of those; the message never shows its password
     */
    public static Builder builder(URI redis) {
        return new Builder(redis);
    }

    /**
     * The URI as shown in status output and errors: hosts, ports, master and database, never the
     * password; for configuration checks before anything is built.
     *
     * @throws ConfigurationException as {@link #builder}
     */
    public static String describe(URI redis) {
        return RedisLocation.of(Objects.requireNonNull(redis, "redis")).description();
    }

    public SessionStorePort store() {
        return store;
    }

    public SessionLeasePort lease() {
        return lease;
    }

    /**
     * Calls {@code listener} when another process saved a renewed session of an account or logged it
     * out, soon after it did (Redis pub/sub), on a thread of the adapter's: the listener should re-read
     * the store (the core's {@code adoptStoredSession} takes up the session, or obeys the logout).
     * Subscribes with the store's next use (no I/O here). Notices sent while this process was
     * disconnected are lost; the stored session is still there.
     */
    public void onRenewal(Consumer<ClientCode> listener) {
        notices.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Calls {@code listener} when the connection to Redis is lost, and when it is back (with the
     * sessions this process wrote back because Redis had lost them), on a thread of the adapter's.
     */
    public void onStoreEvent(Consumer<RedisStoreEvent> listener) {
        outages.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Where sessions are kept; never the password. */
    public String describe() {
        return store.describe();
    }

    /** Always subscribed: the notices also tell which held sessions another process replaced or logged out. */
    private void subscribe() {
        redis.subscribe(keys.allRenewals(), notices);
    }

    /**
     * Closes the connections and wipes this object's copy of the key. Leases still held lapse at
     * their expiry. The adapter's threads are interrupted, and waited for up to a command timeout
     * each, so that none writes (a write-back) after this returns; one that does not end in time
     * is logged. Interrupting the caller cuts the wait short (the interrupt is kept).
     */
    @Override
    public void close() {
        extender.shutdownNow();
        dispatcher.shutdownNow();
        recovery.shutdownNow();
        awaitEnd(recovery, "recovery");
        awaitEnd(dispatcher, "notices");
        awaitEnd(extender, "lease");
        redis.close();
        seal.close();
        secrets.forEach(RedisLogGuard::unmask);
    }

    private void awaitEnd(ExecutorService threads, String which) {
        try {
            if (!threads.awaitTermination(commandTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("the Redis adapter's {} thread did not end within {} ms of close", which,
                        commandTimeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Subscribes to renewal notices with the first use of the store, and again after an outage. */
    private final class SubscribingStore implements SessionStorePort {
        private final SessionStorePort delegate;

        SubscribingStore(SessionStorePort delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Session> load(ClientCode account) {
            Optional<Session> loaded = delegate.load(account);
            subscribe();
            return loaded;
        }

        @Override
        public void save(Session session, SessionLeasePort.Lease lease) {
            delegate.save(session, lease);
            subscribe();
        }

        @Override
        public boolean saveUnlessLoggedOut(Session session, SessionLeasePort.Lease lease) {
            boolean saved = delegate.saveUnlessLoggedOut(session, lease);
            subscribe();
            return saved;
        }

        @Override
        public void forget(ClientCode account) {
            delegate.forget(account);
        }

        @Override
        public void delete(ClientCode account, SessionLeasePort.Lease lease) {
            delegate.delete(account, lease);
        }

        @Override
        public boolean loggedOut(ClientCode account) {
            return delegate.loggedOut(account);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }

    /** Where Redis is, the key, and the timings. */
    public static final class Builder {
        private final RedisLocation location;
        /** The ring: the current key first. */
        private List<byte[]> key;
        private String prefix = DEFAULT_PREFIX;
        private Duration leaseTime = Duration.ofSeconds(30);
        private Duration commandTimeout = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();
        private Duration logoutMemory = Duration.ofHours(24);
        private final List<String> secrets = new ArrayList<>();

        private Builder(URI redis) {
            Objects.requireNonNull(redis, "the Redis URI is required");
            RedisLogGuard.install();
            this.location = RedisLocation.of(redis);
            secrets.addAll(location.secrets());
        }

        /** The 32-byte key that seals sessions; every process sharing the store needs the same one. */
        public Builder key(byte[] key) {
            return keyRing(List.of(key == null ? new byte[0] : key));
        }

        /**
         * A key ring: the first key seals; every key opens values it sealed. To rotate, see
         * {@code docs/redis-format.md}: add the new key after the current one on every process, then
         * put it first, then drop the old one once every value was saved again.
         */
        public Builder keyRing(List<byte[]> ring) {
            if (ring == null || ring.isEmpty()) {
                throw new ConfigurationException("the Redis key ring needs at least one 32-byte key");
            }
            List<byte[]> copies = new ArrayList<>();
            for (byte[] one : ring) {
                if (one == null || one.length != SessionSeal.KEY_LENGTH) {
                    throw new ConfigurationException("the Redis session key must be 32 bytes");
                }
                copies.add(one.clone());
            }
            wipe();
            this.key = copies;
            return this;
        }

        /** The key (or key ring, one base64 key a line, current first) from an owner-only file. */
        public Builder keyFile(Path file) {
            List<byte[]> read = RedisKeyMaterial.ringFromFile(file);
            try {
                return keyRing(read);
            } finally {
                read.forEach(one -> Arrays.fill(one, (byte) 0));
            }
        }

        private void wipe() {
            if (key != null) {
                key.forEach(one -> Arrays.fill(one, (byte) 0));
                key = null;
            }
        }

        /** Prefix of every key and channel, to share one Redis between deployments. */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty() || prefix.contains("{") || prefix.contains("}")) {
                throw new IllegalArgumentException("the key prefix must be non-empty and without braces");
            }
            this.prefix = prefix;
            return this;
        }

        /** How long a lease outlives a holder that stopped extending it (crashed or stalled). */
        public Builder leaseTime(Duration leaseTime) {
            if (leaseTime.toMillis() < 3) {
                throw new IllegalArgumentException("the lease time must be at least 3 ms");
            }
            this.leaseTime = leaseTime;
            return this;
        }

        /** How long one Redis command (and a connection attempt) may take before it counts as an outage. */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the command timeout must be positive");
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * How long a logout is remembered (the tombstone lives) at least; longer when the stored
         * session would have lived longer. One day by default, longer than any SmartAPI session, so
         * a process that missed the notice still finds the logout before it would renew.
         */
        public Builder logoutMemory(Duration memory) {
            if (memory.toMillis() < 1) {
                throw new IllegalArgumentException("the logout memory must be at least 1 ms");
            }
            this.logoutMemory = memory;
            return this;
        }

        /** The clock that dates sessions' time to live in Redis. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RedisSessions build() {
            if (key == null) {
                throw new ConfigurationException("the Redis session store needs a 32-byte key (keyFile or key)");
            }
            try {
                return new RedisSessions(this, key);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            } finally {
                wipe();
            }
        }
    }
}
