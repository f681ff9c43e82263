package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused server certificate is a configuration problem, not a network glitch: not transient
 * (so the core does not retry it), one handshake only, and a message that names the problem and
 * what to check. The servers are loopback HTTPS servers with certificates issued by an authority keytool made in the test.
 */
@Timeout(120)
class CertificateFailureTest {

    @Test
    void aCertificateFromAnUnknownAuthorityIsRefusedOnceAsUntrustedNotAsAResetConnection(@TempDir Path dir) throws Exception {
        try (LoopbackTlsServer server = LoopbackTlsServer.start(dir, "ip:127.0.0.1", "-1d", 30);
             SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(server.base())
                     .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withPacing(false))) {

            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), TotpCode.of("123456")))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(((SmartApiAuthException) e).isTransient()).isFalse())
                    .hasMessageContaining("TLS certificate of 127.0.0.1 was refused during loginByPassword")
                    .hasMessageContaining("not signed by an authority this JVM trusts")
                    .hasMessageContaining("proxy").hasMessageContaining("trust store").hasMessageContaining("clock")
                    .hasMessageNotContaining("retry later");
            assertThat(server.requests()).as("no request went through").isZero();
            assertThat(server.handshakes()).as("the client did not retry by itself").isEqualTo(1);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedAsAHostNameMismatch(@TempDir Path dir) throws Exception {
        try (LoopbackTlsServer server = LoopbackTlsServer.start(dir, "dns:wrong.example", "-1d", 30)) {
            String outcome = loginInChildJvm(dir, server);

            assertThat(outcome).startsWith("ConfigurationException: the TLS certificate of 127.0.0.1 was refused")
                    .contains("issued for another host name than 127.0.0.1").contains("base URL");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void aTrustedButExpiredCertificateIsRefusedAsExpiredPointingAtTheClock(@TempDir Path dir) throws Exception {
        try (LoopbackTlsServer server = LoopbackTlsServer.start(dir, "ip:127.0.0.1", "-10d", 2)) {
            String outcome = loginInChildJvm(dir, server);

            assertThat(outcome).startsWith("ConfigurationException: the TLS certificate of 127.0.0.1 was refused")
                    .contains("expired or not yet valid").contains("clock");
            assertThat(server.requests()).isZero();
        }
    }

    /** A login in a child JVM whose trust store holds the server's certificate; its one line of outcome. */
    private static String loginInChildJvm(Path dir, LoopbackTlsServer server) throws Exception {
        Path out = dir.resolve("child.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(server.trustingJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoginOnceChild.class.getName(),
                server.base().toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the child JVM did not finish: " + Files.readString(out, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8).trim();
    }
}
