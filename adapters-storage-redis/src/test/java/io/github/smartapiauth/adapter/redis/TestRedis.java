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

    /**
     * Records what {@code sessions} reports about its connection; made before an outage, it tells
     * when the adapter is back ({@link Recoveries#await()}) instead of retrying until it is.
     */
    static Recoveries recoveries(RedisSessions sessions) {
        Recoveries recoveries = new Recoveries();
        sessions.onStoreEvent(recoveries.events::add);
        return recoveries;
    }

    /** The store events of one adapter, to wait for its recovery. */
    static final class Recoveries {
        private final java.util.concurrent.BlockingQueue<RedisStoreEvent> events =
                new java.util.concurrent.LinkedBlockingQueue<>();

        /**
         * The next recovery: the adapter has reconnected and a command went through (it reports the
         * recovery only then). Fails when none came within 30 s.
         */
        RedisStoreEvent.Recovered await() throws InterruptedException {
            java.util.List<RedisStoreEvent> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            for (RedisStoreEvent event; (event = events.poll(deadline - System.nanoTime(),
                    java.util.concurrent.TimeUnit.NANOSECONDS)) != null; ) {
                if (event instanceof RedisStoreEvent.Recovered recovered) {
                    return recovered;
                }
                seen.add(event);
            }
            throw new AssertionError("the adapter reported no recovery within 30 s; saw " + seen);
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
