package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The control API under {@value #PREFIX}, for test suites in any language: faults, the clock,
 * revoking an account's sessions, counters, the masked request log, reset. JSON in and out;
 * errors are {@code {"error":"..."}} with 400, 404, 405 or 409. Served only when enabled, on
 * the sandbox's own loopback port; its calls are neither counted nor logged.
 */
final class ControlApi implements RequestHandler {

    static final String PREFIX = "/__sandbox/";

    private final ObjectMapper mapper;
    private final ObjectReader strictReader;
    private final ControlTargets targets;

    ControlApi(ObjectMapper mapper, ControlTargets targets) {
        this.mapper = mapper;
        this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.targets = targets;
    }

    @Override
    public Reply handle(HttpRequest request) {
        String name = request.path().substring(PREFIX.length());
        try {
            JsonNode body = body(request);
            return switch (name) {
                case "faults" -> faults(request.method(), body);
                case "clock" -> clock(request.method(), body);
                case "revoke" -> only("POST", request, () -> revoke(body));
                case "counters" -> only("GET", request, this::counters);
                case "requests" -> only("GET", request, () -> requests(request.query()));
                case "reset" -> only("POST", request, this::reset);
                default -> error(404, "no control call " + PREFIX + name
                        + "; calls: faults, clock, revoke, counters, requests, reset");
            };
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return error(400, e.getMessage());
        }
    }

    private Reply faults(String method, JsonNode body) {
        switch (method) {
            case "POST" -> {
                JsonNode list = body.has("faults") ? body.get("faults") : JsonNodeFactory.instance.arrayNode().add(body);
                for (JsonNode fault : list) {
                    String route = text(fault, "route");
                    String kind = text(fault, "fault");
                    int times = fault.has("times") ? fault.get("times").asInt() : 1;
                    targets.faults().next(Route.named(route), Faults.fault(kind), times);
                }
                return pending();
            }
            case "GET" -> {
                return pending();
            }
            case "DELETE" -> {
                targets.faults().clear();
                return pending();
            }
            default -> {
                return error(405, "faults takes GET, POST or DELETE");
            }
        }
    }

    private Reply pending() {
        ObjectNode pending = JsonNodeFactory.instance.objectNode();
        targets.faults().pending().forEach((route, count) -> pending.put(route.name(), count));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("pending", pending);
        return json(answer);
    }

    private Reply clock(String method, JsonNode body) {
        if (method.equals("POST")) {
            SandboxClock clock = targets.controllableClock();
            if (clock == null) {
                return error(409, "the sandbox was built with a clock it cannot move");
            }
            if (body.has("set")) {
                clock.set(Instant.parse(text(body, "set")));
            }
            if (body.has("advance")) {
                clock.advance(Duration.parse(text(body, "advance")));
            }
            if (body.has("advanceSeconds")) {
                clock.advance(Duration.ofMillis(Math.round(body.get("advanceSeconds").asDouble() * 1000)));
            }
            if (body.has("rate")) {
                clock.rate(body.get("rate").asDouble());
            }
        } else if (!method.equals("GET")) {
            return error(405, "clock takes GET or POST");
        }
        Clock clock = targets.clock();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("now", clock.instant().toString());
        answer.put("rate", clock instanceof SandboxClock running ? running.rate() : 1.0);
        answer.put("controllable", targets.controllableClock() != null);
        return json(answer);
    }

    private Reply revoke(JsonNode body) {
        String clientCode = text(body, "clientCode");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("clientCode", clientCode);
        answer.put("revoked", targets.revokeSessions(clientCode));
        return json(answer);
    }

    private Reply counters() {
        ObjectNode calls = JsonNodeFactory.instance.objectNode();
        for (Route route : Route.values()) {
            calls.put(route.name(), targets.calls(route));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("calls", calls);
        answer.put("openSessions", targets.openSessions());
        answer.put("openConnections", targets.openConnections());
        return json(answer);
    }

    private Reply requests(String query) {
        Route only = null;
        int limit = Integer.MAX_VALUE;
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            switch (key) {
                case "route" -> only = Route.named(value);
                case "limit" -> limit = Math.max(0, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("requests takes route and limit");
            }
        }
        List<CapturedRequest> requests = only == null ? targets.requests() : targets.requests(only);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (CapturedRequest request : requests.subList(Math.max(0, requests.size() - limit), requests.size())) {
            ObjectNode item = list.addObject();
            item.put("route", request.route().name());
            item.put("method", request.method());
            item.put("path", request.path());
            item.put("query", request.maskedQuery());
            ObjectNode headers = item.putObject("headers");
            for (Map.Entry<String, String> header : request.maskedHeaders().entrySet()) {
                headers.put(header.getKey(), header.getValue());
            }
            item.put("body", request.maskedBody());
            item.put("receivedAt", request.receivedAt().toString());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("requests", list);
        return json(answer);
    }

    private Reply reset() {
        targets.reset();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("reset", true);
        return json(answer);
    }

    private JsonNode body(HttpRequest request) {
        if (request.body().length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode json = strictReader.readTree(request.body());
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("the body must be one JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be one JSON object");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }

    private static Reply only(String method, HttpRequest request, java.util.function.Supplier<Reply> call) {
        return request.method().equals(method) ? call.get() : error(405, "use " + method);
    }

    private Reply json(ObjectNode answer) {
        try {
            return new Reply(200, Reply.JSON, mapper.writeValueAsBytes(answer), "control");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a control answer", e);
        }
    }

    private static Reply error(int status, String message) {
        String escaped = message == null ? "bad request" : message.replace("\\", "\\\\").replace("\"", "\\\"");
        return new Reply(status, Reply.JSON, ("{\"error\":\"" + escaped + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "control error " + status);
    }
}
