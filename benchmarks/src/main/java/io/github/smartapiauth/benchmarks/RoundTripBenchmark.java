package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Duration;
import java.time.Instant;
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
 * Login and refresh over loopback to the sandbox (rate limits off, pacing off): the HTTP adapter
 * against the JDK HttpClient sending the same request. Each login is for the next TOTP step (the
 * sandbox clock moves 30 s per call, for both clients), so the server accepts it and issues
 * tokens every time: the same server work on both sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RoundTripBenchmark {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final SandboxAccount account = SandboxAccount.demo();
    private SandboxClock clock;
    private SmartApiSandbox sandbox;
    private SmartApiHttpClient ours;
    private RawCalls raw;
    private Credentials credentials;
    private ApiKey apiKey;
    private TokenSet tokens;

    @Setup
    public void start() {
        clock = SandboxClock.at(Instant.parse("2025-01-06T04:00:10Z"));
        sandbox = Sandboxes.started(clock);
        ours = new SmartApiHttpClient(HttpSettings.forBaseUrl(sandbox.baseUri()).withPacing(false));
        raw = new RawCalls(sandbox.baseUri());
        apiKey = ApiKey.of(account.apiKey());
        credentials = new Credentials(apiKey, ClientCode.of(account.clientCode()), Pin.of(account.mpin()));
        tokens = ours.login(credentials, TotpCode.of(account.totpAt(clock.instant())));
    }

    @TearDown
    public void stop() {
        sandbox.close();
    }

    private String nextCode() {
        return account.totpAt(clock.advance(STEP));
    }

    @Benchmark
    public TokenSet loginOurs() {
        return ours.login(credentials, TotpCode.of(nextCode()));
    }

    @Benchmark
    public byte[] loginRawHttpClient() {
        return raw.login(account, nextCode());
    }

    /** The refresh token is not rotated by this sandbox, so the same one serves every call. */
    @Benchmark
    public TokenSet refreshOurs() {
        return ours.refresh(credentials, tokens);
    }

    @Benchmark
    public byte[] refreshRawHttpClient() {
        return raw.refresh(account, tokens.accessToken().value(), tokens.refreshToken().value());
    }

    /** Context: the raw call reading its body as a stream, as Feign's JDK client ({@code Http2Client}) does. */
    @Benchmark
    public byte[] refreshRawHttpClientStreamingBody() {
        return raw.refreshStreamingBody(account, tokens.accessToken().value(), tokens.refreshToken().value());
    }
}
