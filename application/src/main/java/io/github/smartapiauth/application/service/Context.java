package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/** What every account's session shares: the driven ports, time, threads and settings. */
record Context(
        AuthenticationPort authentication,
        ProfilePort profiles,
        OneTimePasswordPort oneTimePasswords,
        SessionStorePort store,
        SessionLeasePort lease,
        SessionEventsPort events,
        Clock clock,
        Sleeper sleeper,
        Executor background,
        RandomGenerator random,
        RenewalSettings settings) {

    /** Publishes an event; a failing listener must not break a renewal, so its error is dropped. */
    void publish(SessionEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException listenerFailure) {
            // The events port is the platform's code; its failures are its own to report.
        }
    }
}
