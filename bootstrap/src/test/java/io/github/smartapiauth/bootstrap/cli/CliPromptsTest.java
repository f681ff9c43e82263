package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a person types at the terminal: a new passphrase twice, and three tries for a refused passphrase or code. */
@Timeout(90)
class CliPromptsTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("prompts-test-key-4b8e", "C7654321", "8642",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");

    @TempDir
    Path dir;

    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:10Z"));
    private final Sleeper sleeper = clock::advance;
    private SmartApiSandbox sandbox;
    private SandboxedCliEnvironment cli;
    private Map<String, String> env;
    private final ScriptedTerminal terminal = new ScriptedTerminal();

    @BeforeEach
    void start() {
        cli = SandboxedCliEnvironment.start(ACCOUNT, clock, dir);
        sandbox = cli.sandbox();
        env = cli.env();
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void aNewVaultsPassphraseIsAskedTwiceAndAgainWhenTheTwoDiffer() {
        terminal.secrets.addAll(List.of("first try", "frist try", "the passphrase", "the passphrase"));

        CliRun login = run("login");

        assertThat(login.code()).as(login.err()).isZero();
        assertThat(terminal.prompts).containsExactly("New vault passphrase for " + dir.resolve("vault") + ": ",
                "Repeat it: ", "New vault passphrase for " + dir.resolve("vault") + ": ", "Repeat it: ");
        assertThat(login.err()).contains("The two passphrases differ; try again (2/3).");
        env.put("SMARTAPI_VAULT_PASSPHRASE", "the passphrase");
        assertThat(run("status").out()).contains("C7654321: FRESH");
    }

    @Test
    void aWrongPassphraseIsAskedForAgain() {
        env.put("SMARTAPI_VAULT_PASSPHRASE", "the passphrase");
        assertThat(run("login").code()).isZero();
        env.remove("SMARTAPI_VAULT_PASSPHRASE");
        terminal.secrets.addAll(List.of("not it", "the passphrase"));

        CliRun status = run("status");

        assertThat(status.out()).contains("C7654321: FRESH");
        assertThat(status.err()).contains("Wrong passphrase for the vault; try again (2/3).");
        assertThat(terminal.prompts).hasSize(2).allMatch(prompt -> prompt.startsWith("Vault passphrase for "));
    }

    @Test
    void aRefusedTypedCodeIsAskedForAgainAndNeverBlamedOnTheTotpSecret() {
        env.remove("SMARTAPI_TOTP_SECRET");
        env.put("SMARTAPI_STORE", "memory");
        terminal.codes.add(() -> "000000");
        terminal.codes.add(() -> ACCOUNT.totpAt(clock.instant()));

        CliRun login = run("login");

        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.err()).contains("SmartAPI refused the code typed in (AB1050); type the new one when asked (2/3).")
                .doesNotContain("TOTP secret");
        assertThat(login.out()).contains("Logged in as C7654321");
    }

    @Test
    void threeRefusedTypedCodesFailSayingTheTypedCodeWasWrong() {
        env.remove("SMARTAPI_TOTP_SECRET");
        env.put("SMARTAPI_STORE", "memory");
        for (int i = 0; i < 3; i++) {
            terminal.codes.add(() -> "000000");
        }

        CliRun login = run("login");

        assertThat(login.code()).isEqualTo(1);
        assertThat(login.err()).contains("error: SmartAPI refused the TOTP code typed in (AB1050), 3 times")
                .doesNotContain("TOTP secret");
    }

    private CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SmartApiAuthCli.run(new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true),
                new PrintWriter(err, true), Optional.of(terminal), clock, sleeper), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A person at a terminal, typing what the test scripted: secrets, then codes worked out when asked for. */
    private static final class ScriptedTerminal implements Terminal {

        final Deque<String> secrets = new ArrayDeque<>();
        final Deque<Supplier<String>> codes = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        private final StringWriter shown = new StringWriter();

        @Override
        public Optional<char[]> readSecret(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(secrets.poll()).map(String::toCharArray);
        }

        @Override
        public Reader reader() {
            return new Reader() {
                private String line = "";

                @Override
                public int read(char[] buffer, int offset, int length) {
                    if (line.isEmpty()) {
                        Supplier<String> next = codes.poll();
                        if (next == null) {
                            return -1;
                        }
                        line = next.get() + "\n";
                    }
                    int n = Math.min(length, line.length());
                    line.getChars(0, n, buffer, offset);
                    line = line.substring(n);
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Writer writer() {
            return shown;
        }
    }
}
