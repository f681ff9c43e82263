package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, in order. */
public final class RecordingEvents implements SessionEventsPort {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(SessionEvent event) {
        events.add(event);
    }

    public List<SessionEvent> all() {
        return List.copyOf(events);
    }

    public <T extends SessionEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
