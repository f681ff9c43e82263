package io.github.smartapiauth.adapter.metrics;

import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.domain.health.HealthState;
import java.time.Duration;
import java.util.Optional;

/**
 * A platform's day without meters (login, tokens, refresh, health, logout), run inside a class loader
 * that refuses every Micrometer class. Plain code: no test library, and no Micrometer type anywhere in
 * this class (the verifier would load it); {@link MeteredLife} is the control with meters.
 */
public final class NoMetricsLife implements Runnable {

    @Override
    public void run() {
        live(Optional.empty());
    }

    static void live(Optional<MetricsPort> metrics) {
        try (SandboxLife life = new SandboxLife(metrics, false)) {
            life.auth.open();
            life.auth.accessToken();
            life.clock.advance(Duration.ofMinutes(5));
            life.auth.refresh();
            if (life.auth.health().get(0).state() != HealthState.FRESH) {
                throw new IllegalStateException("expected a FRESH session, got " + life.auth.health());
            }
            life.auth.logout();
        }
    }
}
