package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.DiagnosticContextPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
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
 * effect on a renewal or on other accounts' events. A renewal {@linkplain #enqueue enqueues} its
 * events before its waiters learn the result, so they keep their place in the account's order, and
 * has them delivered once the waiters are released.
 *
 * <p>The metrics port hears each event at once, when it is published or enqueued (it must be quick);
 * deliveries run marked with the account (the log's MDC).
 */
final class AccountEvents {

    private final SessionEventsPort port;
    private final Executor executor;
    private final ClientCode account;
    private final MetricsPort metrics;
    private final DiagnosticContextPort diagnostics;
    private final Queue<SessionEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    AccountEvents(ClientCode account, CoreDependencies core) {
        this.port = core.events();
        this.executor = core.renewals();
        this.account = account;
        this.metrics = core.metrics();
        this.diagnostics = core.diagnostics();
    }

    void publish(SessionEvent event) {
        measure(event);
        pending.add(event);
        scheduleDelivery();
    }

    /** Puts a renewal's events in the account's order without delivering them yet. */
    void enqueue(List<SessionEvent> events) {
        events.forEach(this::measure);
        pending.addAll(events);
    }

    private void measure(SessionEvent event) {
        try {
            metrics.event(event);
        } catch (RuntimeException | LinkageError measuringFailed) {
            // Measuring is best effort; the event is delivered all the same.
        }
    }

    /** Delivers what is pending (a renewal calls this once its waiters are released). */
    void deliverPending() {
        if (!pending.isEmpty()) {
            scheduleDelivery();
        }
    }

    private void scheduleDelivery() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        Runnable delivery;
        try {
            delivery = diagnostics.forAccount(account, this::deliver);
        } catch (RuntimeException | LinkageError markingFailed) {
            delivery = this::deliver; // delivered unmarked rather than never
        }
        try {
            executor.execute(delivery);
        } catch (RejectedExecutionException closing) {
            // The core is closing: deliver here, so that what happened before close() is still told.
            delivery.run();
        } catch (RuntimeException | Error couldNotHandOver) {
            delivering.set(false);
            throw couldNotHandOver;
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
            if (!pending.isEmpty()) {
                scheduleDelivery();
            }
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
