package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the notices other processes publish when they save a renewed session or log an account
 * out, and tells this process's listeners which account changed, on a thread of its own (never
 * Lettuce's I/O thread). A process's own notices are not passed on.
 */
final class RenewalNotices extends RedisPubSubAdapter<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalNotices.class);

    private final Keys keys;
    private final String node;
    private final Executor dispatcher;
    private final List<Consumer<ClientCode>> listeners = new CopyOnWriteArrayList<>();
    private final HeldSessions held;

    RenewalNotices(Keys keys, String node, Executor dispatcher, HeldSessions held) {
        this.held = held;
        this.keys = keys;
        this.node = node;
        this.dispatcher = dispatcher;
    }

    void add(Consumer<ClientCode> listener) {
        listeners.add(listener);
    }

    @Override
    public void message(String pattern, String channel, String message) {
        if (node.equals(message)) {
            return;
        }
        keys.accountOf(channel).ifPresent(account -> {
            // Another process changed the stored session: what this one held is no longer the one to write back.
            held.forget(account);
            try {
                dispatcher.execute(() -> tell(account));
            } catch (RejectedExecutionException closing) {
                // The adapter is closing: nobody is left to tell.
            }
        });
    }

    private void tell(ClientCode account) {
        for (Consumer<ClientCode> listener : listeners) {
            try {
                listener.accept(account);
            } catch (RuntimeException e) {
                LOG.warn("a renewal listener failed for {}: {}", account, e.getClass().getSimpleName());
            }
        }
    }
}
