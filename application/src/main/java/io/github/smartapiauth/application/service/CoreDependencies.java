package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.DiagnosticContextPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.port.out.TotpLedgerPort;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * What every account's session shares: the driven ports, time, threads and settings.
 *
 * @param renewals where renewals that callers wait for run, and where listeners are called
 * @param refreshesAhead where refreshes ahead of time run (the platform's executor, or {@code renewals})
 * @param metrics where renewals and events are measured ({@link MetricsPort#NONE} when nothing is)
 * @param diagnostics marks the work done for an account on the core's threads (the log's MDC)
 */
record CoreDependencies(
        AuthenticationPort authentication,
        ProfilePort profiles,
        OneTimePasswordPort oneTimePasswords,
        SessionStorePort store,
        SessionLeasePort lease,
        SessionEventsPort events,
        Clock clock,
        Sleeper sleeper,
        Executor renewals,
        Executor refreshesAhead,
        RandomGenerator random,
        RenewalSettings settings,
        MetricsPort metrics,
        DiagnosticContextPort diagnostics,
        TotpLedgerPort totpLedger) {
}
