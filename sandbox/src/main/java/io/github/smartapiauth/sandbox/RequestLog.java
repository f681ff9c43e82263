package io.github.smartapiauth.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Per-route call counters and the most recent captured requests (bounded, for load tests). */
final class RequestLog {

    private final Map<Route, AtomicLong> counts = new EnumMap<>(Route.class);
    private final Deque<CapturedRequest> recent = new ArrayDeque<>();
    private final int capacity;

    RequestLog(int capacity) {
        this.capacity = capacity;
        for (Route route : Route.values()) {
            counts.put(route, new AtomicLong());
        }
    }

    void record(CapturedRequest request) {
        counts.get(request.route()).incrementAndGet();
        if (capacity == 0) {
            return;
        }
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    long count(Route route) {
        return counts.get(route).get();
    }

    List<CapturedRequest> requests() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    List<CapturedRequest> requests(Route route) {
        List<CapturedRequest> matching = new ArrayList<>();
        for (CapturedRequest request : requests()) {
            if (request.route() == route) {
                matching.add(request);
            }
        }
        return List.copyOf(matching);
    }

    void clear() {
        synchronized (recent) {
            recent.clear();
        }
        counts.values().forEach(count -> count.set(0));
    }
}
