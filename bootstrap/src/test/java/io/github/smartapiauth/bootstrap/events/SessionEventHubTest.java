package io.github.smartapiauth.bootstrap.events;

import io.github.smartapiauth.application.contract.SessionEventsPortContract;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.function.Consumer;

/** The production events adapter keeps the events contract. */
class SessionEventHubTest extends SessionEventsPortContract {

    @Override
    protected SessionEventsPort newEvents() {
        return new SessionEventHub();
    }

    @Override
    protected void addListener(SessionEventsPort port, Consumer<SessionEvent> listener) {
        ((SessionEventHub) port).addListener(listener);
    }

    @Override
    protected void removeListener(SessionEventsPort port, Consumer<SessionEvent> listener) {
        ((SessionEventHub) port).removeListener(listener);
    }
}
