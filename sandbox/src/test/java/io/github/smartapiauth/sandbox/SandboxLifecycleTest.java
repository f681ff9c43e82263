package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortAndServesTheDemoAccountByDefault() {
        SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().clock(clock).build()) {
            URI base = sandbox.start();

            assertThat(base.getScheme()).isEqualTo("http");
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            assertThat(base.getPort()).isPositive();
            assertThat(base.getPath()).isEmpty();
            assertThat(sandbox.baseUri()).isEqualTo(base);
            assertThat(sandbox.accounts()).containsExactly(SandboxAccount.demo());
            SandboxHttp http = new SandboxHttp(base, clock);
            assertThat(http.login(SandboxAccount.demo()).json().get("status").asBoolean()).isTrue();
        }
    }

    @Test
    void startsOnAGivenPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().port(port).build()) {
            assertThat(sandbox.start().getPort()).isEqualTo(port);
        }
    }

    @Test
    void buildingBindsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            SmartApiSandbox sandbox = SmartApiSandbox.builder().port(taken.getLocalPort()).build();

            assertThatIllegalStateException().isThrownBy(sandbox::baseUri);
            assertThatThrownBy(sandbox::start).isInstanceOf(UncheckedIOException.class);
            sandbox.close();
        }
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        SmartApiSandbox sandbox = SmartApiSandbox.builder().build();
        sandbox.start();

        assertThatIllegalStateException().isThrownBy(sandbox::start);
        sandbox.close();
        sandbox.close();
        assertThatIllegalStateException().isThrownBy(sandbox::start);
    }

    @Test
    void rejectsBadConfiguration() {
        SandboxAccount other = SandboxAccount.of(SandboxAccount.DEMO_API_KEY, "X1", "1111", "JBSWY3DP");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmartApiSandbox.builder().account(SandboxAccount.demo()).account(other).build());
        assertThatIllegalArgumentException().isThrownBy(() -> SmartApiSandbox.builder().tokenLifetime(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> SmartApiSandbox.builder().port(70000));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxAccount.of("k", "C1", "12a4", "JBSWY3DP"));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxAccount.of("k", "C1", "1234", "JBSWY3D1"));
    }

    @Test
    void accountsPrintNoSecret() {
        assertThat(SandboxAccount.demo().toString()).contains("DEMO001")
                .doesNotContain(SandboxAccount.DEMO_API_KEY, SandboxAccount.DEMO_MPIN, SandboxAccount.DEMO_TOTP_SECRET);
    }

    @Test
    void theClockMovesOnlyWhenTold() {
        SandboxClock clock = SandboxClock.at(Instant.EPOCH);

        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(Instant.ofEpochSecond(90));
        SandboxClock ist = clock.withZone(ZoneId.of("Asia/Kolkata"));
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(ist.instant()).as("views share the instant").isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(ist.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
    }
}
