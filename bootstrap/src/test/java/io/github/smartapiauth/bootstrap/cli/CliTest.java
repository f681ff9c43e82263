package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process against the sandbox over loopback HTTP, with a real vault on disk. */
class CliTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("cli-test-key-5d1e", "C7654321", "8642",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");
    private static final String OTHER_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path vaultDir;

    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));
    private SmartApiSandbox sandbox;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(clock).rateLimits(false).build();
        URI base = sandbox.start();
        env.putAll(Map.of(
                "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                "SMARTAPI_PIN", ACCOUNT.mpin(),
                "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                "SMARTAPI_BASE_URL", base.toString(),
                "SMARTAPI_VAULT_DIR", vaultDir.toString(),
                "SMARTAPI_VAULT_PASSPHRASE", "cli test passphrase",
                "SMARTAPI_PACING", "false"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aWholeSessionLife() {
        Run login = run("login");
        assertThat(login.code()).isZero();
        assertThat(login.out()).contains("Logged in as C7654321; the session is valid until 2026-11-25 00:00:00 IST.")
                .contains("encrypted vault files in " + vaultDir);

        Run status = run("status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("C7654321: FRESH").contains("logged in:   2026-11-24 09:30:05 IST")
                .contains("(14 h 29 min left)").contains("health:      FRESH (can trade)");
        assertThat(run("status", "--json").out()).contains("\"account\":\"C7654321\"").contains("\"state\":\"FRESH\"")
                .contains("\"health\":\"FRESH\"")
                .contains("\"secondsLeft\":52195");

        Run token = run("token");
        assertThat(token.code()).isZero();
        assertThat(token.out().trim()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        Run refresh = run("refresh");
        assertThat(refresh.code()).isZero();
        assertThat(refresh.out()).contains("Refreshed C7654321");
        assertThat(run("token").out()).as("the refreshed token was saved").isNotEqualTo(token.out());

        assertThat(run("profile").out()).contains("(C7654321)").contains("exchanges:");
        assertThat(run("profile", "--json").out()).contains("\"clientCode\":\"C7654321\"").contains("\"exchanges\":[");

        Run logout = run("logout");
        assertThat(logout.code()).isZero();
        assertThat(logout.out()).contains("Logged out C7654321 at the broker and removed the stored session.");
        Run after = run("status");
        assertThat(after.code()).isEqualTo(1);
        assertThat(after.out()).contains("No session for C7654321").contains("health:      NO_SESSION");
        assertThat(sandbox.calls(io.github.smartapiauth.sandbox.Route.LOGIN)).as("one login for the whole life").isEqualTo(1);
    }

    @Test
    void theTotpCommandPrintsTheCurrentCodeAndTheSecondsLeft() {
        Run totp = run("totp");
        assertThat(totp.code()).isZero();
        assertThat(totp.out().trim()).isEqualTo(ACCOUNT.totpAt(clock.instant()) + "  (25 s left)");
    }

    @Test
    void theTotpCommandNeedsNothingButTheTotpSecret() {
        env.keySet().removeIf(name -> !name.equals("SMARTAPI_TOTP_SECRET"));
        assertThat(run("totp").code()).isZero();
    }

    @Test
    void aWrongMpinFailsWithExitCode1AndSaysWhatToCheck() {
        env.put("SMARTAPI_PIN", "0000");
        Run login = run("login");
        assertThat(login.code()).isEqualTo(1);
        assertThat(login.err()).startsWith("error: SmartAPI refused the client code or MPIN (AB1007");
    }

    @Test
    void aWrongTotpSecretFailsWithExitCode1() {
        env.put("SMARTAPI_TOTP_SECRET", OTHER_TOTP_SECRET);
        Run login = run("login");
        assertThat(login.code()).isEqualTo(1);
        assertThat(login.err()).startsWith("error: SmartAPI refused the TOTP code (AB1050");
    }

    @Test
    void aMissingVariableIsAConfigurationErrorWithExitCode2() {
        env.remove("SMARTAPI_API_KEY");
        Run login = run("login");
        assertThat(login.code()).isEqualTo(2);
        assertThat(login.err().trim()).isEqualTo("error: SMARTAPI_API_KEY is not set; expected the API key of your SmartAPI"
                + " app (set the environment variable SMARTAPI_API_KEY, or that key in the properties file named by"
                + " SMARTAPI_CONFIG)");
    }

    @Test
    void rekeyOfADirectoryWithoutAVaultIsAnErrorAndAWrongOldPassphraseIsFoundBeforeTheNewOneIsAsked() {
        env.put("SMARTAPI_VAULT_DIR", vaultDir.resolve("nowhere").toString());
        env.put("SMARTAPI_NEW_VAULT_PASSPHRASE", "a brand new passphrase");
        Run nothing = run("vault", "rekey");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("there is no vault to rekey").doesNotContain("now opens");

        env.put("SMARTAPI_VAULT_DIR", vaultDir.toString());
        assertThat(run("login").code()).isZero();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "not the passphrase");
        env.remove("SMARTAPI_NEW_VAULT_PASSPHRASE");
        Run wrongOld = run("vault", "rekey");
        assertThat(wrongOld.code()).isEqualTo(1);
        assertThat(wrongOld.err()).contains("wrong passphrase").doesNotContain("no new passphrase");
    }

    @Test
    void tokenWithAFreshSessionTakesNoLockAndWritesNothing() throws java.io.IOException {
        assertThat(run("login").code()).isZero();
        Path lock = vaultDir.resolve("C7654321.lock");
        java.nio.file.Files.deleteIfExists(lock);
        java.nio.file.attribute.FileTime before = java.nio.file.Files.getLastModifiedTime(vaultDir.resolve("C7654321.vault"));

        Run token = run("token");

        assertThat(token.code()).isZero();
        assertThat(lock).as("no renewal lock was taken").doesNotExist();
        assertThat(java.nio.file.Files.getLastModifiedTime(vaultDir.resolve("C7654321.vault"))).isEqualTo(before);
        assertThat(sandbox.calls(io.github.smartapiauth.sandbox.Route.LOGIN)).isEqualTo(1);
    }

    @Test
    void aLogoutWithAWrongPassphraseFailsAndSaysTheVaultCouldNotBeRead() {
        assertThat(run("login").code()).isZero();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "not the passphrase");

        Run logout = run("logout");

        assertThat(logout.code()).isEqualTo(1);
        assertThat(logout.err()).contains("Could not log out C7654321").contains("could not be read")
                .doesNotContain("not the passphrase");
        assertThat(logout.out()).doesNotContain("No session");
        assertThat(sandbox.calls(io.github.smartapiauth.sandbox.Route.LOGOUT)).as("nothing was ended").isZero();
    }

    @Test
    void aWrongVaultPassphraseIsAConfigurationErrorBeforeAnyBrokerCallAndNeverOverwritesTheVault() {
        assertThat(run("login").code()).isZero();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "not the passphrase");

        Run status = run("status");
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.out()).contains("Cannot read the stored session of C7654321").contains("wrong passphrase")
                .doesNotContain("No session").doesNotContain("renewal stopped");
        clock.advance(Duration.ofSeconds(30));
        long loginsBefore = sandbox.calls(io.github.smartapiauth.sandbox.Route.LOGIN);
        for (String command : new String[] {"login", "token", "refresh", "profile"}) {
            Run refused = run(command);
            assertThat(refused.code()).as(command).isEqualTo(2);
            assertThat(refused.err()).as(command).contains("wrong passphrase").contains("the broker was not called")
                    .doesNotContain("not the passphrase");
            assertThat(refused.out()).as(command).doesNotContain("Logged in").doesNotContain("Stored in");
        }
        assertThat(sandbox.calls(io.github.smartapiauth.sandbox.Route.LOGIN)).isEqualTo(loginsBefore);
        assertThat(sandbox.calls(io.github.smartapiauth.sandbox.Route.GENERATE_TOKENS)).isZero();

        env.put("SMARTAPI_VAULT_PASSPHRASE", "cli test passphrase");
        assertThat(run("status").out()).as("the vault still opens with the right passphrase").contains("C7654321: FRESH");
    }

    @Test
    void theVaultPassphraseCanBeChanged() {
        assertThat(run("login").code()).isZero();
        env.put("SMARTAPI_NEW_VAULT_PASSPHRASE", "a new passphrase ");

        Run rekey = run("vault", "rekey");

        assertThat(rekey.code()).isZero();
        env.put("SMARTAPI_VAULT_PASSPHRASE", "a new passphrase");
        assertThat(run("status").out()).contains("C7654321: FRESH");
    }

    @Test
    void usageErrorsExitWith2AndHelpWith0() {
        assertThat(run("no-such-command").code()).isEqualTo(2);
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("login", "status", "token", "refresh", "profile", "logout", "totp", "demo",
                "sandbox", "vault");
        assertThat(run("status", "--set", "SMARTAPI_NO_SUCH=1").code()).isEqualTo(2);
        for (String command : List.of("login", "status", "token", "refresh", "profile", "logout", "totp", "demo",
                "sandbox", "vault")) {
            Run commandHelp = run(command, "--help");
            assertThat(commandHelp.code()).as(command + " --help").isZero();
            assertThat(commandHelp.out()).startsWith("Usage: smartapi-auth " + command);
        }
    }

    @Test
    void theDemoWalksTheWholeLifeAndPrintsNoSecret() {
        Run demo = run("demo");
        assertThat(demo.code()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("2. Logged in DEMO001").contains("4. A fresh core")
                .contains("7. A platform call (getRMS) was refused with AG8001").contains("8. Logged out DEMO001");
        SandboxAccount demoAccount = SandboxAccount.demo();
        assertThat(demo.out() + demo.err()).doesNotContain(demoAccount.apiKey()).doesNotContain(demoAccount.totpSecret())
                .doesNotContain("eyJ");
    }

    @Test
    void noCommandButTokenAndTotpPrintsASecret() {
        run("login");
        String token = run("token").out().trim();
        StringBuilder everything = new StringBuilder();
        for (List<String> args : List.of(List.of("status"), List.of("status", "--json"), List.of("refresh"),
                List.of("profile"), List.of("profile", "--json"), List.of("logout"), List.of("status"))) {
            Run run = run(args.toArray(String[]::new));
            everything.append(run.out()).append(run.err());
        }
        assertThat(everything.toString()).doesNotContain(ACCOUNT.apiKey()).doesNotContain(token)
                .doesNotContain(ACCOUNT.totpSecret()).doesNotContain("cli test passphrase")
                .doesNotContainPattern("\\b" + ACCOUNT.mpin() + "\\b").doesNotContain("eyJ");
    }

    @Test
    void anUnknownOptionIsNamedWithoutItsValue() {
        Run unknown = run("login", "--pin=7391");
        Run stray = run("status", "s3cretStray");
        Run badValue = run("sandbox", "--port", "s3cretPort");

        assertThat(unknown.code()).isEqualTo(SmartApiAuthCli.USAGE);
        assertThat(unknown.err()).contains("unknown option --pin with a value (not shown)").contains("--help")
                .doesNotContain("7391");
        assertThat(stray.code()).isEqualTo(SmartApiAuthCli.USAGE);
        assertThat(stray.err()).contains("unexpected argument (not shown").doesNotContain("s3cretStray");
        assertThat(badValue.code()).isEqualTo(SmartApiAuthCli.USAGE);
        assertThat(badValue.err()).contains("invalid value for option --port").doesNotContain("s3cretPort");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true),
                new PrintWriter(err, true), Optional.empty(), clock);
        int code = SmartApiAuthCli.run(environment, args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
