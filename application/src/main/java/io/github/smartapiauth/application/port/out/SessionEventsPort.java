package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.event.SessionEvent;

/** Tells the platform what happened to its sessions. Implementations must not throw and must not block long. */
public interface SessionEventsPort {

    void publish(SessionEvent event);
}
