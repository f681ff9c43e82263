package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's headline use at a real terminal: {@code T=$(smartapi-auth token)} and
 * {@code smartapi-auth token | ...} ask for the vault passphrase on the controlling terminal, with
 * echo off, although standard output is a pipe. The terminal is a pseudo-terminal that util-linux's
 * {@code script} gives the CLI process.
 */
@Timeout(90)
class ControllingTerminalTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("tty-test-key-9e4f", "C7654321", "8642",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");
    private static final String PASSPHRASE = "typed at the tty";

    @TempDir
    Path vaultDir;

    private SmartApiSandbox sandbox;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the test a terminal");
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(SandboxClock.at(Instant.now())).rateLimits(false)
                .build();
        env.putAll(Map.of(
                "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                "SMARTAPI_PIN", ACCOUNT.mpin(),
                "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                "SMARTAPI_BASE_URL", sandbox.start().toString(),
                "SMARTAPI_VAULT_DIR", vaultDir.toString(),
                "SMARTAPI_PACING", "false"));
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aPipedTokenCommandAsksForTheVaultPassphraseOnTheTerminalWithEchoOff() throws Exception {
        Map<String, String> withPassphrase = new HashMap<>(env);
        withPassphrase.put("SMARTAPI_VAULT_PASSPHRASE", PASSPHRASE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int login = SmartApiAuthCli.run(new CliEnvironment(withPassphrase, new PrintWriter(out, true),
                new PrintWriter(err, true), Optional.empty(), Clock.systemUTC()), "login");
        assertThat(login).as("login: %s", err).isZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + SmartApiAuthCli.class.getName() + " token | cat";
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("SMARTAPI_VAULT_PASSPHRASE");
        Process process = builder.start();
        try {
            StringBuilder seen = new StringBuilder();
            InputStream terminal = process.getInputStream();
            readUntil(terminal, seen, "Vault passphrase for ");
            OutputStream keyboard = process.getOutputStream();
            keyboard.write((PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ended: %s", seen).isTrue();
            seen.append(new String(terminal.readAllBytes(), StandardCharsets.UTF_8));

            assertThat(process.exitValue()).as("exit code; terminal showed: %s", seen).isZero();
            assertThat(seen.toString()).as("a token went down the pipe")
                    .containsPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
            assertThat(seen.toString()).as("the passphrase was not echoed").doesNotContain(PASSPHRASE);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Reads what the terminal shows until {@code expected} appears (the test's timeout bounds it). */
    private static void readUntil(InputStream terminal, StringBuilder seen, String expected) throws IOException {
        byte[] buffer = new byte[256];
        while (seen.indexOf(expected) < 0) {
            int read = terminal.read(buffer);
            if (read < 0) {
                throw new AssertionError("the terminal closed before showing '" + expected + "': " + seen);
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
    }
}
