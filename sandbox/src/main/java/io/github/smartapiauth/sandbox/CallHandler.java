package io.github.smartapiauth.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SmartAPI call, once the transport has read it whole: finds the route, records the request
 * (with a bounded prefix of its body), applies a scripted fault, and answers. A delayed reply
 * holds only its own connection's thread, and ends at once when the sandbox closes.
 */
final class CallHandler implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallHandler.class);

    private final RouteDispatcher dispatcher;
    private final Replies replies;
    private final Faults faults;
    private final RequestLog requestLog;
    private final Clock clock;
    private final CountDownLatch stopped;
    private final Duration faultDelay;
    private final int capturedBodyPrefix;
    private final RequestHandler control; // null when the control API is off
    private final Consumer<CapturedRequest> listener; // null when nobody listens

    CallHandler(RouteDispatcher dispatcher, Replies replies, Faults faults, RequestLog requestLog, Clock clock,
                CountDownLatch stopped, Duration faultDelay, int capturedBodyPrefix, RequestHandler control,
                Consumer<CapturedRequest> listener) {
        this.control = control;
        this.listener = listener;
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
        this.stopped = stopped;
        this.faultDelay = faultDelay;
        this.capturedBodyPrefix = capturedBodyPrefix;
    }

    @Override
    public Reply handle(HttpRequest request) {
        if (request.path().startsWith(ControlApi.PREFIX)) {
            return logged(request, null, control != null ? control.handle(request) : replies.notFound());
        }
        Route route = Route.forPath(request.path());
        if (route == null) {
            return logged(request, null, replies.notFound());
        }
        if (!route.method().equals(request.method())) {
            return logged(request, route, replies.methodNotAllowed());
        }
        CapturedRequest captured = new CapturedRequest(route, request.method(), request.path(), request.query(),
                request.headers().asMap(), bodyPrefix(request.body()), clock.instant());
        requestLog.record(captured);
        if (listener != null) {
            listener.accept(captured);
        }
        Fault fault = faults.take(route);
        if (fault == Fault.DELAY && !awaitDelay()) {
            return logged(request, route, Reply.reset()); // closing: drop the call
        }
        Reply reply = fault != null && fault != Fault.DELAY
                ? replies.fault(fault) : dispatcher.dispatch(route, request.headers(), request.body());
        return logged(request, route, reply);
    }

    /** True when the delay passed, false when the sandbox closed meanwhile. */
    private boolean awaitDelay() {
        try {
            return !stopped.await(faultDelay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String bodyPrefix(byte[] body) {
        int length = Math.min(body.length, capturedBodyPrefix);
        return new String(body, 0, length, StandardCharsets.UTF_8);
    }

    private static Reply logged(HttpRequest request, Route route, Reply reply) {
        LOG.debug("{} {} -> {} {}", request.method(), route, reply.status(), reply.outcome());
        return reply;
    }
}
