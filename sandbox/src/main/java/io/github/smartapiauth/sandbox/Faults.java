package io.github.smartapiauth.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scripted failures: {@code faults.next(Route.LOGIN, Fault.HTTP_500, 2)} makes the next two
 * login calls answer HTTP 500; later calls are normal again. Scripts for one route queue up
 * in the order given. Faults come before every other check, rate limits included.
 */
public final class Faults {

    private final Map<Route, Deque<Fault>> planned = new EnumMap<>(Route.class);

    Faults() {
    }

    /** The next {@code times} calls to {@code route} answer with {@code fault}. */
    public synchronized Faults next(Route route, Fault fault, int times) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Deque<Fault> queue = planned.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next call to {@code route} answers with {@code fault}. */
    public Faults next(Route route, Fault fault) {
        return next(route, fault, 1);
    }

    /**
     * Scripts faults from text, as the command line and the control API take them:
     * {@code ROUTE=FAULT} or {@code ROUTE=FAULTxN}, e.g. {@code LOGIN=HTTP_500x2} or
     * {@code getProfile=delay}; route and fault names in any case.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public Faults script(String script) {
        Objects.requireNonNull(script, "script");
        int equals = script.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("a fault is ROUTE=FAULT[xN], e.g. LOGIN=HTTP_500x2");
        }
        Route route = Route.named(script.substring(0, equals));
        String kind = script.substring(equals + 1).strip();
        int times = 1;
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("(.+)[xX](\\d{1,6})").matcher(kind);
        if (counted.matches()) {
            kind = counted.group(1);
            times = Integer.parseInt(counted.group(2));
        }
        return next(route, fault(kind), times);
    }

    /** The fault named {@code name}, in any case. */
    static Fault fault(String name) {
        for (Fault fault : Fault.values()) {
            if (fault.name().equalsIgnoreCase(name.strip())) {
                return fault;
            }
        }
        throw new IllegalArgumentException("no fault named '" + name + "'; faults: "
                + java.util.Arrays.toString(Fault.values()));
    }

    /** The scripted faults still waiting, per route (routes with none left out). */
    public synchronized Map<Route, Integer> pending() {
        Map<Route, Integer> pending = new EnumMap<>(Route.class);
        planned.forEach((route, queue) -> {
            if (!queue.isEmpty()) {
                pending.put(route, queue.size());
            }
        });
        return pending;
    }

    /** How many scripted faults are still waiting for calls to {@code route}. */
    public synchronized int pending(Route route) {
        Deque<Fault> queue = planned.get(route);
        return queue == null ? 0 : queue.size();
    }

    /** Forgets every scripted fault. */
    public synchronized void clear() {
        planned.clear();
    }

    /** The fault for this call, if one is scripted; null otherwise. */
    synchronized Fault take(Route route) {
        if (planned.isEmpty()) {
            return null;
        }
        Deque<Fault> queue = planned.get(route);
        return queue == null ? null : queue.pollFirst();
    }
}
