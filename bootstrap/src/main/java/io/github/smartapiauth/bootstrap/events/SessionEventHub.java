package io.github.smartapiauth.bootstrap.events;

import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events adapter: logs every event through SLF4J (events carry no secret, and error
 * messages are secret-free by construction) and hands it to the platform's listeners. A
 * listener that throws is logged and skipped; it never breaks a renewal.
 */
public final class SessionEventHub implements SessionEventsPort {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.smartapiauth.events");

    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public void publish(SessionEvent event) {
        log(event);
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a session event listener failed on {}: {}", event.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private static void log(SessionEvent event) {
        if (event instanceof SessionEvent.Opened opened) {
            LOG.info("{}: session opened, valid until {}", opened.clientCode(), opened.expiresAt());
        } else if (event instanceof SessionEvent.Restored restored) {
            LOG.info("{}: stored session taken up, valid until {}", restored.clientCode(), restored.expiresAt());
        } else if (event instanceof SessionEvent.Refreshed refreshed) {
            LOG.info("{}: session refreshed, valid until {}", refreshed.clientCode(), refreshed.expiresAt());
        } else if (event instanceof SessionEvent.Expired expired) {
            LOG.info("{}: session expired ({})", expired.clientCode(), expired.cause());
        } else if (event instanceof SessionEvent.RenewalFailed failed) {
            LOG.warn("{}: renewal failed: {}", failed.clientCode(), failed.error().getMessage());
        } else if (event instanceof SessionEvent.StoreFailed failed) {
            LOG.warn("{}: session store problem: {}", failed.clientCode(), failed.error().getMessage());
        } else if (event instanceof SessionEvent.LoggedOut out) {
            LOG.info("{}: logged out{}", out.clientCode(), out.serverConfirmed() ? "" : " locally (the broker's logout failed)");
        }
    }
}
