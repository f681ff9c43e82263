package io.github.smartapiauth.adapter.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;

/** The control of {@link FacadeWithoutMetricsTest}: the same day with meters. */
public final class MeteredLife implements Runnable {

    @Override
    public void run() {
        NoMetricsLife.live(Optional.of(MicrometerMetrics.of(new SimpleMeterRegistry())));
    }
}
