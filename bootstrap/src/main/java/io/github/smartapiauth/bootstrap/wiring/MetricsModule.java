package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.github.smartapiauth.application.port.out.MetricsPort;
import java.util.Objects;

/**
 * Meters: compose this module with the others to measure renewals, calls to SmartAPI, pacing and
 * events through {@code metrics} (for Micrometer: {@code MicrometerMetrics.of(registry)} from
 * {@code smartapi-auth-adapters-metrics}). Without it nothing is measured and no meter library is
 * loaded ({@link CoreModule} binds {@link MetricsPort#NONE} by default).
 */
public final class MetricsModule extends AbstractModule {

    private final MetricsPort metrics;

    public MetricsModule(MetricsPort metrics) {
        this.metrics = Objects.requireNonNull(metrics, "the metrics adapter is required");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), MetricsPort.class).setBinding().toInstance(metrics);
    }
}
