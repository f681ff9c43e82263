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

    static RedisSessions sessions(RedisServer server, String prefix, Clock clock) {
        return RedisSessions.builder(server.uri()).key(KEY).keyPrefix(prefix).clock(clock).build();
    }
}
