package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.error.SessionStoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two connections to Redis: one for commands, one subscribed to renewal notices. Both are
 * made on first use, not when built, so a process starts while Redis is down; once made, Lettuce
 * reconnects them (and re-subscribes) by itself. While disconnected, commands fail at once
 * instead of queueing, so callers learn of an outage immediately and keep their tokens.
 */
final class Connections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final String where;
    private final Duration timeout;
    /** Written under this object's lock; read without it by Lettuce's I/O thread ({@link #isCommandConnection}). */
    private volatile StatefulRedisConnection<String, byte[]> commands;
    private StatefulRedisPubSubConnection<String, String> notices;
    /** Written under this object's lock; read without it by Lettuce's I/O thread ({@link #closing}). */
    private volatile boolean closed;

    Connections(RedisLocation location, Duration timeout) {
        RedisURI uri = location.lettuce();
        this.where = location.description();
        this.timeout = timeout;
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(1)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        uri.setTimeout(timeout);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    String where() {
        return where;
    }

    /**
     * Runs a command; an interrupt comes back as a {@link SessionStoreException} with the
     * thread's interrupt flag set again.
     */
    <T> T call(String what, Function<RedisCommands<String, byte[]>, T> command) {
        try {
            return callInterruptibly(what, command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException(what + " was interrupted");
        }
    }

    <T> T callInterruptibly(String what, Function<RedisCommands<String, byte[]>, T> command)
            throws InterruptedException {
        StatefulRedisConnection<String, byte[]> connection = connection(what);
        try {
            return command.apply(connection.sync());
        } catch (RedisCommandInterruptedException e) {
            throw new InterruptedException(what + " was interrupted");
        } catch (RedisException e) {
            throw failed(what, e);
        }
    }

    /** Sends a command without waiting; for releases and extensions, whose outcome nobody waits on. */
    <T> CompletionStage<T> send(String what,
            Function<RedisAsyncCommands<String, byte[]>, CompletionStage<T>> command) {
        try {
            return command.apply(connection(what).async());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Subscribes to the renewal channels unless subscribed; quietly retried on the next command when Redis is down. */
    void subscribe(String pattern, RedisPubSubListener<String, String> listener) {
        synchronized (this) {
            if (notices != null || closed) {
                return;
            }
        }
        StatefulRedisPubSubConnection<String, String> connection;
        try {
            connection = client.connectPubSub(StringCodec.UTF8);
        } catch (RedisException e) {
            LOG.debug("cannot subscribe to renewal notices at {} yet: {}", where, e.getClass().getSimpleName());
            return;
        }
        synchronized (this) {
            if (notices != null || closed) {
                connection.closeAsync();
                return;
            }
            notices = connection;
        }
        connection.addListener(listener);
        // Lettuce subscribes again by itself after every reconnect.
        connection.async().psubscribe(pattern);
    }

    private synchronized StatefulRedisConnection<String, byte[]> connection(String what) {
        if (closed) {
            throw new SessionStoreException(what + " failed: the Redis session store was closed");
        }
        if (commands == null) {
            try {
                commands = client.connect(CODEC);
            } catch (RedisException e) {
                throw failed(what, e);
            }
        }
        return commands;
    }

    private SessionStoreException failed(String what, RedisException e) {
        return new SessionStoreException(what + " failed: Redis at " + where + " is unreachable or refused ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                null, e);
    }

    Duration timeout() {
        return timeout;
    }

    /** Hears every connect and disconnect of this client's connections (Lettuce's I/O thread calls it). */
    void watch(io.lettuce.core.RedisConnectionStateListener listener) {
        client.addListener(listener);
    }

    /** Whether {@link #close} was called: a disconnect from then on is no outage. */
    boolean closing() {
        return closed;
    }

    /**
     * Whether {@code connection} is the command connection (not the one subscribed to notices). No
     * lock: Lettuce's I/O thread asks while {@link #call} may hold this object's lock to connect.
     */
    boolean isCommandConnection(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
        return connection != null && connection == commands;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c;
        StatefulRedisPubSubConnection<String, String> n;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = commands;
            n = notices;
        }
        if (c != null) {
            c.close();
        }
        if (n != null) {
            n.close();
        }
        client.shutdown(Duration.ZERO, timeout);
        resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
