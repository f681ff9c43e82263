package io.github.smartapiauth.sandbox;

import java.time.Clock;
import java.util.List;

/** What the control API acts on: the sandbox's faults, clock, sessions, counters and request log. */
interface ControlTargets {

    Faults faults();

    Clock clock();

    /** The clock when the control API may move it, else null. */
    SandboxClock controllableClock();

    int revokeSessions(String clientCode);

    long calls(Route route);

    int openSessions();

    int openConnections();

    List<CapturedRequest> requests();

    List<CapturedRequest> requests(Route route);

    /** Faults, counters, the request log, sessions and rate-limit windows back to a fresh start. */
    void reset();
}
