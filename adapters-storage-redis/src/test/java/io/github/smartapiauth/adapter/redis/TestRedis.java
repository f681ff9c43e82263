package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import java.time.Clock;
import java.util.Arrays;

/** Adapters on a test server, all with the same fixed key. */
final class TestRedis {

    static final byte[] KEY = key(7);

    private TestRedis() {
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = 42;
        return key;
    }

    /** The lease, as soon as the adapter has reconnected after an outage. */
    static io.github.smartapiauth.application.port.out.SessionLeasePort.Lease awaitLease(RedisSessions sessions,
            io.github.smartapiauth.domain.credential.ClientCode account) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return sessions.lease().acquire(account, java.time.Duration.ofSeconds(5));
            } catch (io.github.smartapiauth.domain.error.SessionStoreException notYet) {
                if (attempt > 200) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    /** The stored session, as soon as the adapter has reconnected after an outage or failover. */
    static io.github.smartapiauth.domain.session.Session awaitLoad(RedisSessions sessions,
            io.github.smartapiauth.domain.credential.ClientCode account) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                java.util.Optional<io.github.smartapiauth.domain.session.Session> loaded = sessions.store().load(account);
                if (loaded.isPresent() || attempt > 200) {
                    return loaded.orElseThrow();
                }
            } catch (io.github.smartapiauth.domain.error.SessionStoreException notYet) {
                if (attempt > 200) {
                    throw notYet;
                }
            }
            Thread.sleep(50);
        }
    }

    /** Saves as the core does: under a lease of the same {@code RedisSessions}, taken for this write. */
    static void save(RedisSessions sessions, io.github.smartapiauth.domain.session.Session session) {
        try (io.github.smartapiauth.application.port.out.SessionLeasePort.Lease lease =
                     sessions.lease().acquire(session.clientCode(), java.time.Duration.ofSeconds(10))) {
            sessions.store().save(session, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while taking the lease of " + session.clientCode(), e);
        }
    }

    static RedisSessions sessions(RedisServer server, String prefix, Clock clock) {
        return RedisSessions.builder(server.uri()).key(KEY).keyPrefix(prefix).clock(clock).build();
    }
}
