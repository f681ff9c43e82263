package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What Redis itself reports about one key (keyspace notifications: {@code set}, {@code expire},
 * {@code del}, ...), in order, so that a test waits for a change the server saw instead of for time.
 */
final class KeyspaceEvents implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private KeyspaceEvents(RedisServer server, String key) {
        client = RedisClient.create(RedisURI.create(server.uri()));
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String event) {
                events.add(event);
            }
        });
        connection.sync().subscribe("__keyspace@0__:" + key);
    }

    /** Turns on the server's generic and string keyspace events, and listens to those of {@code key}. */
    static KeyspaceEvents of(RedisServer server, String key) throws IOException {
        String reply = server.command("CONFIG", "SET", "notify-keyspace-events", "Kg$");
        if (!reply.equals("+OK")) {
            throw new IOException("cannot turn on keyspace events: " + reply);
        }
        return new KeyspaceEvents(server, key);
    }

    /** The key's next event; fails when none came within {@code bound}. */
    String next(Duration bound) throws InterruptedException {
        String event = events.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
        if (event == null) {
            throw new AssertionError("Redis reported no event of the key within " + bound);
        }
        return event;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
    }
}
