package io.github.smartapiauth.application.doubles;

import io.github.smartapiauth.application.contract.SessionEventsPortContract;
import io.github.smartapiauth.application.fake.RecordingEvents;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.function.Consumer;

/** The test-jar's {@link RecordingEvents} keeps the events contract, as the production hub does. */
class RecordingEventsTest extends SessionEventsPortContract {

    @Override
    protected SessionEventsPort newEvents() {
        return new RecordingEvents();
    }

    @Override
    protected void addListener(SessionEventsPort port, Consumer<SessionEvent> listener) {
        ((RecordingEvents) port).addListener(listener);
    }

    @Override
    protected void removeListener(SessionEventsPort port, Consumer<SessionEvent> listener) {
        ((RecordingEvents) port).removeListener(listener);
    }
}
