package io.github.smartapiauth.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.bootstrap.SmartApiAuthModule;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building the production injector ({@code SmartApiAuthModule.production(config)}) and getting the
 * session service from it, warm (the JVM has built one before). The configuration is read once;
 * building does no I/O (memory store, nothing listens at the base URL).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class InjectorBenchmark {

    private SmartApiAuthConfig config;

    @Setup
    public void read() {
        config = Sandboxes.config(URI.create("http://127.0.0.1:9"), Clock.systemUTC());
    }

    @Benchmark
    public SessionService productionInjector() {
        Injector injector = Guice.createInjector(SmartApiAuthModule.production(config));
        return injector.getInstance(SessionService.class);
    }
}
