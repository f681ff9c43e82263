package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user gets wrong on day one, and what the CLI answers: a usage error naming the problem and the fix. */
@org.junit.jupiter.api.Timeout(60)
class CliMistakesTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("mistake-test-key-3c2a", "C7654321", "8642",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");

    @TempDir
    Path dir;

    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));
    private SmartApiSandbox sandbox;
    private SandboxedCliEnvironment cli;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        cli = SandboxedCliEnvironment.start(ACCOUNT, clock, dir);
        sandbox = cli.sandbox();
        env = cli.env();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "mistakes passphrase");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void aSandboxPortOutOfRangeIsAUsageErrorNamingThePort() {
        CliRun run = run("sandbox", "--port", "99999", "--serve-for", "1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--port 99999").contains("0 to 65535").doesNotContain("unexpected")
                .doesNotContain("report it");
    }

    @Test
    void aSandboxPortInUseIsAUsageErrorNamingThePortAndTheFix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = run("sandbox", "--port", String.valueOf(taken.getLocalPort()), "--serve-for", "1");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("port " + taken.getLocalPort() + " is in use").contains("--port")
                    .doesNotContain("unexpected").doesNotContain("report it");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aNegativeServeForIsAUsageError() {
        CliRun run = run("sandbox", "--serve-for", "-5");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--serve-for");
    }

    @Test
    void anErrorNamesTheWayTheValueWasReallyGiven() {
        CliRun cutoff = run("status", "--set", "SMARTAPI_CUTOFF=25:99");
        CliRun timeout = run("status", "-s", "SMARTAPI_READ_TIMEOUT=soon");

        assertThat(cutoff.code()).isEqualTo(2);
        assertThat(cutoff.err()).contains("--set SMARTAPI_CUTOFF=").doesNotContain("--cutoff");
        assertThat(timeout.err()).contains("--set SMARTAPI_READ_TIMEOUT=").doesNotContain("--read-timeout");
    }

    @Test
    void aRefreshWithNoSessionSaysItLoggedIn() {
        CliRun refresh = run("refresh");

        assertThat(refresh.code()).isZero();
        assertThat(refresh.out()).doesNotContain("Refreshed").contains("No session to refresh")
                .contains("logged in as C7654321");
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(1);
    }

    @Test
    void marginsThatContradictEachOtherAreAConfigurationError() {
        env.put("SMARTAPI_REFRESH_MARGIN", "1m");
        env.put("SMARTAPI_EXPIRY_MARGIN", "10m");
        CliRun reversed = run("status");
        env.put("SMARTAPI_REFRESH_MARGIN", "30h");
        env.put("SMARTAPI_EXPIRY_MARGIN", "20h");
        CliRun beyondADay = run("status");

        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err()).contains("SMARTAPI_EXPIRY_MARGIN (PT10M, from the environment variable")
                .contains("SMARTAPI_REFRESH_MARGIN").contains("contradict").contains("shorter");
        assertThat(beyondADay.code()).isEqualTo(2);
        assertThat(beyondADay.err()).contains("SMARTAPI_REFRESH_MARGIN").contains("at most a day")
                .doesNotContain("EXPIRED");
    }

    @Test
    void theProfileShowsTimesWithTheirZone() {
        CliRun profile = run("profile");

        assertThat(profile.code()).isZero();
        assertThat(profile.out()).containsPattern("last login: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d IST");
        assertThat(run("profile", "--json").out()).containsPattern("\"lastLoginTime\":\"[0-9T:-]+\\+05:30\"");
    }

    @Test
    void theDefaultVaultDirectoryIsUnderHome() {
        env.remove("SMARTAPI_VAULT_DIR");
        env.put("HOME", dir.resolve("home").toString());

        CliRun status = run("status");

        assertThat(status.out()).contains(dir.resolve("home").resolve(".smartapi-auth").toString());
    }

    @Test
    void anEmptyVaultDirOrClientCodeFlagIsAUsageError() {
        CliRun vaultDir = run("status", "--vault-dir", "");
        CliRun clientCode = run("status", "--client-code=");

        assertThat(vaultDir.code()).isEqualTo(2);
        assertThat(vaultDir.err()).contains("--vault-dir").contains("empty");
        assertThat(clientCode.code()).isEqualTo(2);
        assertThat(clientCode.err()).contains("--client-code").contains("empty");
    }

    @Test
    void aMisspelledVariableIsWarnedAboutWithTheClosestSetting() {
        env.put("SMARTAPI_CLIENTCODE", "C7654321");
        env.put("SMARTAPI_TOTP_SECRT", "a secret value");

        CliRun status = run("status");

        assertThat(status.err()).contains("warning: the environment variable SMARTAPI_CLIENTCODE is not a known setting and"
                + " is ignored; did you mean SMARTAPI_CLIENT_CODE?").contains("did you mean SMARTAPI_TOTP_SECRET?")
                .doesNotContain("a secret value");
    }

    @Test
    void aConfigFileWithSecretsThatOthersCanReadIsWarnedAbout() throws IOException {
        Path file = Files.writeString(dir.resolve("config.properties"), "SMARTAPI_PIN=" + ACCOUNT.mpin() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        env.remove("SMARTAPI_PIN");

        CliRun status = run("status", "--config", file.toString());

        assertThat(status.err()).contains("warning: the configuration file " + file)
                .contains("chmod 600").doesNotContain(ACCOUNT.mpin());
    }

    private CliRun run(String... args) {
        return CliRun.of(env, clock, args);
    }
}
