package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.domain.session.SessionState;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The order path: a token from a FRESH session, against a plain volatile read (the goal: at most
 * 3x), and against the clock reads any expiry check needs. The session is opened once, over the
 * sandbox, with the system clock, exactly as in production. Run once per thread count.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public abstract class AccessTokenBenchmark {

    private static final Clock SYSTEM = Clock.systemUTC();

    private SmartApiSandbox sandbox;
    private SmartApiAuth auth;
    private AccountTokens handle;
    private volatile String plain;

    @Setup(Level.Trial)
    public void open() {
        sandbox = Sandboxes.started(SYSTEM);
        auth = Sandboxes.loggedIn(sandbox.baseUri(), SYSTEM);
        handle = auth.sessions().forAccount(auth.account());
        plain = auth.accessToken();
        SessionState state = auth.status().session().orElseThrow().state();
        if (state != SessionState.FRESH) {
            throw new IllegalStateException("the benchmark needs a FRESH session, got " + state);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        auth.close();
        sandbox.close();
    }

    /** The baseline: one volatile read of a String field. */
    @Benchmark
    public String baselineVolatileRead() {
        return plain;
    }

    /** The floor of any expiry check with an injected clock: the system clock's instant. */
    @Benchmark
    public Object floorClockInstant() {
        return SYSTEM.instant();
    }

    /** The floor with milliseconds only (an intrinsic, no Instant). */
    @Benchmark
    public long floorClockMillis() {
        return SYSTEM.millis();
    }

    /** The session core's handle ({@code SessionService.forAccount}): what a platform keeps. */
    @Benchmark
    public AccessToken handleAccessToken() {
        return handle.accessToken();
    }

    /** The handle, down to the header value. */
    @Benchmark
    public String handleAccessTokenValue() {
        return handle.accessToken().value();
    }

    /** The facade: {@code SmartApiAuth.accessToken()}. */
    @Benchmark
    public String facadeAccessToken() {
        return auth.accessToken();
    }

    /** One caller. */
    @Threads(1)
    public static class OneThread extends AccessTokenBenchmark {
    }

    /** Two callers at once, on the one session. */
    @Threads(2)
    public static class TwoThreads extends AccessTokenBenchmark {
    }
}
