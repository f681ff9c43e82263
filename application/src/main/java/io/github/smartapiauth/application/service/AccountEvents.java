package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers one account's events to the events port, in order, on the core's threads: never on a
 * renewing thread, so a listener may call back into the library, be slow or throw without any
 * effect on a renewal or on other accounts' events. A renewal hands its events over only after
 * its session is published and its waiters are released.
 */
final class AccountEvents {

    private final SessionEventsPort port;
    private final Executor executor;
    private final Queue<SessionEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    AccountEvents(SessionEventsPort port, Executor executor) {
        this.port = port;
        this.executor = executor;
    }

    void publish(SessionEvent event) {
        pending.add(event);
        scheduleDelivery();
    }

    void publishAll(List<SessionEvent> events) {
        if (!events.isEmpty()) {
            pending.addAll(events);
            scheduleDelivery();
        }
    }

    private void scheduleDelivery() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::deliver);
        } catch (RejectedExecutionException closing) {
            // The core is closing: deliver here, so that what happened before close() is still told.
            deliver();
        }
    }

    private void deliver() {
        try {
            SessionEvent event;
            while ((event = pending.poll()) != null) {
                deliverOne(event);
            }
        } finally {
            delivering.set(false);
        }
        if (!pending.isEmpty()) {
            scheduleDelivery();
        }
    }

    private void deliverOne(SessionEvent event) {
        try {
            port.publish(event);
        } catch (RuntimeException | LinkageError | AssertionError listenerFailure) {
            // The events port is the platform's code; its failures are its own to report.
        }
    }
}
