package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.metrics.MicrometerMetrics;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The FRESH {@code accessToken()} with meters on (Micrometer over a {@link SimpleMeterRegistry}) against
 * the clock read it cannot avoid (goal: within 1.2x), and against the same call with meters off, same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class FreshPathWithMetricsBenchmark {

    private static final Clock SYSTEM = Clock.systemUTC();

    private SmartApiSandbox sandbox;
    /** Its own sandbox: one TOTP code logs in once, so the two facades cannot share one within a step. */
    private SmartApiSandbox plainSandbox;
    private SmartApiAuth metered;
    private SmartApiAuth plain;
    private AccountTokens meteredHandle;
    private AccountTokens plainHandle;

    @Setup
    public void open() {
        sandbox = Sandboxes.started(SYSTEM);
        metered = Sandboxes.loggedIn(sandbox.baseUri(), SYSTEM, MicrometerMetrics.of(new SimpleMeterRegistry()));
        plainSandbox = Sandboxes.started(SYSTEM);
        plain = Sandboxes.loggedIn(plainSandbox.baseUri(), SYSTEM);
        meteredHandle = metered.sessions().forAccount(metered.account());
        plainHandle = plain.sessions().forAccount(plain.account());
        if (metered.health().get(0).state() != HealthState.FRESH || plain.health().get(0).state() != HealthState.FRESH) {
            throw new IllegalStateException("the benchmark needs FRESH sessions");
        }
    }

    @TearDown
    public void close() {
        metered.close();
        plain.close();
        sandbox.close();
        plainSandbox.close();
    }

    /** The floor: the clock read any expiry check needs. */
    @Benchmark
    public long floorClockMillis() {
        return SYSTEM.millis();
    }

    @Benchmark
    public AccessToken handleAccessTokenMetricsOn() {
        return meteredHandle.accessToken();
    }

    @Benchmark
    public AccessToken handleAccessTokenMetricsOff() {
        return plainHandle.accessToken();
    }
}
