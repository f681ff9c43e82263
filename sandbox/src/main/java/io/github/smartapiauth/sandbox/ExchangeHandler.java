package io.github.smartapiauth.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of every call: finds the route, records the request, applies a scripted
 * fault, and writes the reply. A delayed reply waits on a scheduler, not on a worker thread,
 * so delays neither starve other calls nor hold up {@code close()}.
 */
final class ExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

    private final RouteDispatcher dispatcher;
    private final Replies replies;
    private final Faults faults;
    private final RequestLog requestLog;
    private final Clock clock;
    private final ScheduledExecutorService delays;
    private final Duration faultDelay;

    ExchangeHandler(RouteDispatcher dispatcher, Replies replies, Faults faults, RequestLog requestLog, Clock clock,
                    ScheduledExecutorService delays, Duration faultDelay) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
        this.delays = delays;
        this.faultDelay = faultDelay;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            Route route = Route.forPath(exchange.getRequestURI().getPath());
            byte[] body = readBody(exchange);
            if (route == null) {
                respond(exchange, method, null, replies.notFound());
                return;
            }
            if (!route.method().equals(method)) {
                respond(exchange, method, route, replies.methodNotAllowed());
                return;
            }
            requestLog.record(new CapturedRequest(route, method, exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    new String(body, StandardCharsets.UTF_8), clock.instant()));
            Fault fault = faults.take(route);
            if (fault == Fault.DELAY) {
                delayed(exchange, method, route, body);
                return;
            }
            Reply reply = fault != null ? replies.fault(fault) : dispatcher.dispatch(route, exchange.getRequestHeaders(), body);
            respond(exchange, method, route, reply);
        } catch (IOException | RuntimeException e) {
            // Only the type: messages of parsers and I/O may quote what the client sent.
            LOG.warn("call failed with {}", e.getClass().getName());
            exchange.close();
        }
    }

    private void delayed(HttpExchange exchange, String method, Route route, byte[] body) {
        try {
            delays.schedule(() -> {
                try {
                    respond(exchange, method, route, dispatcher.dispatch(route, exchange.getRequestHeaders(), body));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("delayed reply to {} not delivered: {}", route, e.getClass().getName());
                    exchange.close();
                }
            }, faultDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange, String method, Route route, Reply reply) throws IOException {
        LOG.debug("{} {} -> {} {}", method, route, reply.status(), reply.outcome());
        if (reply.isReset()) {
            // Closing before any response header makes the JDK server drop the connection.
            exchange.close();
            return;
        }
        if (!reply.contentType().isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}
