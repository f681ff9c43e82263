package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What users of gh, aws, kubectl and vault expect of a CLI: JSON, completion, help, version, config discovery, vault care. */
@Timeout(120)
class CliExpectationsTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("expect-test-key-2f9c", "C7654321", "8642",
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
        env.put("SMARTAPI_VAULT_PASSPHRASE", "expectations passphrase");
        env.put("HOME", dir.resolve("home").toString());
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void everyReportingCommandPrintsOneJsonObjectWithJson() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("login", "\"action\":\"loggedIn\"");
        expected.put("status", "\"state\":\"FRESH\"");
        expected.put("token", "\"accessToken\":\"");
        expected.put("refresh", "\"action\":\"refreshed\"");
        expected.put("profile", "\"clientCode\":\"C7654321\"");
        expected.put("totp", "\"secondsLeft\":25");
        expected.put("logout", "\"complete\":true");
        expected.forEach((command, field) -> {
            CliRun run = run(command, "--json");
            assertThat(run.code()).as(command + ": " + run.err()).isZero();
            assertThat(run.out().lines()).as(command).singleElement().asString().startsWith("{").endsWith("}")
                    .contains(field);
        });
    }

    @Test
    void theSandboxPrintsItsBannerAsJsonWithJson() {
        CliRun sandbox = run("sandbox", "--json", "--serve-for", "1");

        assertThat(sandbox.code()).as(sandbox.err()).isZero();
        assertThat(sandbox.out().lines()).singleElement().asString().startsWith("{\"url\":\"http://127.0.0.1:");
    }

    @Test
    void theLaunchersOwnVariablesAreNotTakenForMisspellings() {
        env.put("SMARTAPI_AUTH_CDS", "off");
        env.put("SMARTAPI_AUTH_JAVA_OPTS", "-Xmx64m");

        assertThat(run("status").err()).doesNotContain("warning");
    }

    @Test
    void errorsAreJsonOnStdoutWithTheirKindAndExitCode() {
        CliRun usage = run("status", "--json", "--no-such-flag");
        env.put("SMARTAPI_PIN", "0000");
        CliRun refused = run("login", "--json");
        env.remove("SMARTAPI_API_KEY");
        CliRun configuration = run("status", "--json");

        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.out().trim()).isEqualTo("{\"error\":{\"kind\":\"usage\",\"message\":\"unknown option"
                + " --no-such-flag\",\"exit\":2}}");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out().trim()).startsWith("{\"error\":{\"kind\":\"invalid_credentials\",\"message\":\"SmartAPI"
                + " refused the client code or MPIN").endsWith("\"exit\":1}}");
        assertThat(configuration.code()).isEqualTo(2);
        assertThat(configuration.out().trim()).startsWith("{\"error\":{\"kind\":\"configuration\",\"message\":"
                + "\"SMARTAPI_API_KEY is not set").endsWith("\"exit\":2}}");
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRun bash = run("completion", "bash");
        CliRun zsh = run("completion", "zsh");
        CliRun fish = run("completion", "fish");

        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("smartapi-auth").contains("login").contains("vault");
        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit").contains("complete -F");
        assertThat(fish.code()).isEqualTo(2);
        assertThat(fish.err()).contains("expected bash or zsh");
    }

    @Test
    void helpShowsExamplesAndExitCodesAndTokenHelpSaysItPrintsASecret() {
        CliRun help = run("--help");
        CliRun tokenHelp = run("token", "--help");

        assertThat(help.out()).contains("Examples:").contains("T=$(smartapi-auth token)").contains("Exit codes:")
                .contains("usage or configuration error");
        assertThat(tokenHelp.out()).contains("SECRET").contains("Exit codes:").contains("Examples:");
        for (String command : List.of("login", "status", "refresh", "profile", "logout", "totp", "vault", "completion")) {
            assertThat(run(command, "--help").out()).as(command).contains("Exit codes:");
        }
    }

    @Test
    void versionNamesTheCommitAndTheJava() {
        CliRun version = run("--version");

        assertThat(version.code()).isZero();
        assertThat(version.out()).containsPattern("smartapi-auth \\S+ \\(commit [0-9a-f]{7,}\\)")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void aConfigFileIsFoundUnderXdgConfigHomeThenUnderHome() throws IOException {
        env.remove("SMARTAPI_PIN");
        Path home = ownerOnly(dir.resolve("home/.smartapi-auth/config.properties"), "SMARTAPI_PIN=" + ACCOUNT.mpin());
        CliRun fromHome = run("login");
        ownerOnly(dir.resolve("xdg/smartapi-auth/config.properties"), "SMARTAPI_PIN=0000");
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        clock.advance(java.time.Duration.ofSeconds(30));
        CliRun fromXdg = run("login");
        env.put("SMARTAPI_PIN", ACCOUNT.mpin());
        clock.advance(java.time.Duration.ofSeconds(30));
        CliRun environmentFirst = run("login");

        assertThat(fromHome.code()).as(fromHome.err()).isZero();
        assertThat(fromXdg.code()).as("the XDG file is read first; its MPIN is wrong").isEqualTo(1);
        assertThat(fromXdg.err()).contains("MPIN");
        assertThat(environmentFirst.code()).as("the environment beats the file").isZero();
        assertThat(home).exists();
    }

    @Test
    void vaultResetNeedsYesAndThenDiscardsTheVault() {
        assertThat(run("login").code()).isZero();

        CliRun without = run("vault", "reset");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("--yes");
        assertThat(run("status").out()).contains("C7654321: FRESH");

        env.put("SMARTAPI_VAULT_PASSPHRASE", "a forgotten one");
        CliRun reset = run("vault", "reset", "--yes");
        assertThat(reset.code()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Discarded 1 vault file(s)");
        assertThat(run("status").out()).contains("No session for C7654321");
    }

    @Test
    void vaultKeygenWritesAnOwnerOnlyKeyThatOpensAVault() throws IOException {
        Path key = dir.resolve("keys/vault.key");

        CliRun keygen = run("vault", "keygen", key.toString());
        CliRun again = run("vault", "keygen", key.toString());

        assertThat(keygen.code()).as(keygen.err()).isZero();
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists");
        env.remove("SMARTAPI_VAULT_PASSPHRASE");
        env.put("SMARTAPI_VAULT_KEY_FILE", key.toString());
        assertThat(run("login").code()).isZero();
        assertThat(run("status").out()).contains("C7654321: FRESH");
    }

    @Test
    void aVaultKeyFileMayHoldTheBase64OfTheKey() throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Path key = ownerOnly(dir.resolve("base64.key"), Base64.getEncoder().encodeToString(bytes) + "\n");
        env.remove("SMARTAPI_VAULT_PASSPHRASE");
        env.put("SMARTAPI_VAULT_KEY_FILE", key.toString());

        CliRun login = run("login");

        assertThat(login.code()).as(login.err()).isZero();
        assertThat(run("status").out()).contains("C7654321: FRESH");
    }

    private static Path ownerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private CliRun run(String... args) {
        return CliRun.of(env, clock, args);
    }
}
