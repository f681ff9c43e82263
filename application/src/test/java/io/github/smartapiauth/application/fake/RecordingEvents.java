package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps every event, in order, and hands each to the listeners added to it as the production
 * events hub does: in the order they were added, a listener that throws skipped without
 * disturbing the publisher or the other listeners.
 */
public final class RecordingEvents implements SessionEventsPort {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(SessionEvent event) {
        events.add(event);
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException ignored) {
                // as the hub: a broken listener never breaks a renewal
            }
        }
    }

    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        listeners.remove(listener);
    }

    public List<SessionEvent> all() {
        return List.copyOf(events);
    }

    public <T extends SessionEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
