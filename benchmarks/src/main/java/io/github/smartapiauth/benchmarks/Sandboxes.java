package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sandboxes for load: rate limits off, and configurations that point the library at one. */
final class Sandboxes {

    private Sandboxes() {
    }

    /**
     * A started sandbox with the demo account, rate limits off, refresh tokens kept (so a refresh can
     * repeat) and 12-hour tokens (so no run, whatever its time of day, meets an expiry).
     */
    static SmartApiSandbox started(Clock clock) {
        return started(clock, Duration.ofSeconds(10));
    }

    /** The same, with the given time a client may take to send one request. */
    static SmartApiSandbox started(Clock clock, Duration requestTimeout) {
        SmartApiSandbox sandbox = SmartApiSandbox.builder()
                .requestTimeout(requestTimeout)
                .account(SandboxAccount.demo())
                .clock(clock)
                .rateLimits(false)
                .rotateRefreshTokens(false)
                .capturedRequestLimit(0)
                .tokenLifetime(Duration.ofHours(12))
                .build();
        sandbox.start();
        return sandbox;
    }

    /**
     * The demo account against {@code base}, memory store, pacing off, and a daily cut-off an hour
     * behind the wall clock, so a session opened now stays FRESH for hours whatever the time of the run.
     */
    static SmartApiAuthConfig config(URI base, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTAPI_API_KEY", SandboxAccount.DEMO_API_KEY);
        env.put("SMARTAPI_CLIENT_CODE", SandboxAccount.DEMO_CLIENT_CODE);
        env.put("SMARTAPI_PIN", SandboxAccount.DEMO_MPIN);
        env.put("SMARTAPI_TOTP_SECRET", SandboxAccount.DEMO_TOTP_SECRET);
        env.put("SMARTAPI_STORE", "memory");
        env.put("SMARTAPI_BASE_URL", base.toString());
        env.put("SMARTAPI_PACING", "false");
        LocalTime cutoff = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0);
        env.put("SMARTAPI_CUTOFF", cutoff.toString());
        env.put("SMARTAPI_CUTOFF_ZONE", "UTC");
        return ConfigReader.read(ConfigSources.of(Map.of(), env, Optional.empty()));
    }

    /** The facade over the sandbox, logged in. */
    static SmartApiAuth loggedIn(URI base, Clock clock) {
        SmartApiAuth auth = SmartApiAuth.builder().config(config(base, clock)).clock(clock).build();
        auth.open();
        return auth;
    }

    /** The same, measured through {@code metrics}. */
    static SmartApiAuth loggedIn(URI base, Clock clock, MetricsPort metrics) {
        SmartApiAuth auth = SmartApiAuth.builder().config(config(base, clock)).clock(clock).metrics(metrics).build();
        auth.open();
        return auth;
    }
}
