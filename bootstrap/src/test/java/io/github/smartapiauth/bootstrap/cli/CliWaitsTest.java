package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI waits for, and that it says so: a code that never left the machine is sent again at
 * once; every wait longer than a second is one line on stderr; a second process within one TOTP step
 * waits for the next step instead of sending a spent code. The waits advance the sandbox's clock.
 */
@Timeout(60)
class CliWaitsTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("waits-test-key-77d1", "C7654321", "8642",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");

    @TempDir
    Path dir;

    /** 10 s into a TOTP step: 20 s left in it. */
    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:10Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = duration -> {
        waits.add(duration);
        clock.advance(duration);
    };
    private SmartApiSandbox sandbox;
    private SandboxedCliEnvironment cli;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        cli = SandboxedCliEnvironment.start(ACCOUNT, clock, dir);
        sandbox = cli.sandbox();
        env = cli.env();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "waits passphrase");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void aLoginWhoseCodeNeverLeftTheMachineIsRetriedAtOnceWithoutWaitingForANewStep() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        env.put("SMARTAPI_BASE_URL", "http://127.0.0.1:" + closedPort);
        env.put("SMARTAPI_STORE", "memory");

        CliRun login = run("login");

        assertThat(login.code()).isEqualTo(1);
        assertThat(login.err()).contains("connection refused").doesNotContain("TOTP step");
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).as("waited in all: %s", waits)
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aRateLimitedLoginSaysWhatItWaitsForAndForHowLong() {
        sandbox.faults().script("LOGIN=RATE_LIMITx2");

        CliRun login = run("login");

        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.err()).containsPattern("waiting \\d+ s for the next TOTP step");
        assertThat(login.err().lines().filter(line -> !line.isBlank()))
                .allMatch(line -> line.startsWith("waiting ") || line.startsWith("rate limited; retry "));
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(3);
    }

    @Test
    void aSecondLoginWithinOneTotpStepWaitsForTheNextStepAndSaysSo() {
        CliRun first = run("login");
        CliRun second = run("login");

        assertThat(first.code()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("waiting 20 s for the next TOTP step (this step's code was already used by"
                + " another login)");
        assertThat(second.out()).contains("Logged in as C7654321");
    }

    private CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SmartApiAuthCli.run(new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true),
                new PrintWriter(err, true), Optional.empty(), clock, sleeper), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
