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
 * The CLI run as a user runs it, as a process: at a real terminal with its output piped
 * ({@code T=$(smartapi-auth token)}, {@code smartapi-auth token | ...}: the vault passphrase is asked on
 * the controlling terminal, with echo off; the terminal is a pseudo-terminal that util-linux's
 * {@code script} gives the process), and with its streams read by a script (one error line).
 */
@Timeout(90)
class CliProcessTest {

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

    /** An error is one line on stderr; the session's events that repeat it show only with --verbose. */
    @Test
    void aFailedLoginIsOneLineOnStderrAndItsEventsShowOnlyWhenVerbose() throws Exception {
        env.put("SMARTAPI_STORE", "memory");
        env.put("SMARTAPI_TOTP_SECRET", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

        Finished quiet = runAsProcess("login");
        Finished verbose = runAsProcess("login", "--verbose");

        assertThat(quiet.exitCode()).isNotZero();
        assertThat(quiet.stderr().lines().filter(line -> !line.isBlank()))
                .as("stderr: %s", quiet.stderr()).singleElement().asString().startsWith("error: ");
        assertThat(verbose.stderr()).contains("renewal failed").contains("error: ");
    }

    private Finished runAsProcess(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SmartApiAuthCli.class.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> readAll(process.getInputStream()));
        String stderr = readAll(process.getErrorStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr);
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Finished(int exitCode, String stdout, String stderr) {
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
