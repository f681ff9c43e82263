package io.github.smartapiauth.adapter.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the command connection: when it drops, reports an outage; when it is back, writes back
 * the sessions Redis lost (on the adapter's own thread, never Lettuce's) and reports the recovery.
 */
final class OutageWatch implements RedisConnectionStateListener {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWatch.class);

    private final Connections redis;
    private final Clock clock;
    private final Executor worker;
    private final Supplier<List<RedisStoreEvent.WrittenBack>> writeBack;
    private final List<Consumer<RedisStoreEvent>> listeners = new CopyOnWriteArrayList<>();
    /** System.nanoTime() when the outage began, or null while connected. Guarded by this. */
    private Long downSince;

    OutageWatch(Connections redis, Clock clock, Executor worker, Supplier<List<RedisStoreEvent.WrittenBack>> writeBack) {
        this.redis = redis;
        this.clock = clock;
        this.worker = worker;
        this.writeBack = writeBack;
    }

    void add(Consumer<RedisStoreEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        if (redis.closing() || !redis.isCommandConnection(connection)) {
            return;
        }
        synchronized (this) {
            if (downSince != null) {
                return;
            }
            downSince = System.nanoTime();
        }
        LOG.warn("lost the connection to Redis at {}; valid tokens are still served, renewals wait for it",
                redis.where());
        RedisStoreEvent.Outage outage = new RedisStoreEvent.Outage(clock.instant(), redis.where());
        // Listeners run on the adapter's worker, never on Lettuce's I/O thread (and before the recovery that follows).
        try {
            worker.execute(() -> tell(outage));
        } catch (RejectedExecutionException closing) {
            // The adapter is closing.
        }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        if (!redis.isCommandConnection(connection)) {
            return;
        }
        long since;
        synchronized (this) {
            if (downSince == null) {
                return;
            }
            since = downSince;
            downSince = null;
        }
        Duration down = Duration.ofNanos(System.nanoTime() - since);
        try {
            worker.execute(() -> recovered(down, since));
        } catch (RejectedExecutionException closing) {
            // The adapter is closing.
        }
    }

    private void recovered(Duration down, long since) {
        if (!awaitCommands()) {
            stillDown(since);
            return;
        }
        List<RedisStoreEvent.WrittenBack> written = writeBack.get();
        LOG.info("the connection to Redis at {} is back after {} ms; sessions written back: {}", redis.where(),
                down.toMillis(), written.size());
        tell(new RedisStoreEvent.Recovered(clock.instant(), redis.where(), down, written));
    }

    /**
     * The connection came back but took no command within the bound (a password Redis no longer
     * accepts, a server still loading its data): the outage goes on, and is reported again, unless
     * the connection dropped meanwhile (which reported it already). The next connection tries again.
     */
    private void stillDown(long since) {
        if (redis.closing() || Thread.currentThread().isInterrupted()) {
            return;
        }
        boolean reopened;
        synchronized (this) {
            reopened = downSince == null;
            if (reopened) {
                downSince = since;
            }
        }
        LOG.warn("the connection to Redis at {} came back but accepted no command within {} ms (is the password"
                + " right, is Redis still loading?); the outage goes on", redis.where(),
                redis.timeout().multipliedBy(10).toMillis());
        if (reopened) {
            tell(new RedisStoreEvent.Outage(clock.instant(), redis.where()));
        }
    }

    /**
     * Lettuce reports the connection before its handshake is done, and commands sent meanwhile are
     * refused: waits, a bounded time, until one goes through. False when it never did (another
     * outage follows, and its recovery writes back) or the adapter is closing.
     */
    private boolean awaitCommands() {
        long deadline = System.nanoTime() + redis.timeout().multipliedBy(10).toNanos();
        long pause = 10;
        while (true) {
            try {
                redis.call("checking the connection to Redis", commands -> commands.ping());
                return true;
            } catch (io.github.smartapiauth.domain.error.SessionStoreException notYet) {
                if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
                    return false;
                }
            }
            try {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    private void tell(RedisStoreEvent event) {
        for (Consumer<RedisStoreEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a store event listener failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
