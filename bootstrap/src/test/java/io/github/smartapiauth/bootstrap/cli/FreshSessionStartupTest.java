package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command answered from a stored FRESH session does not build: {@code token} and {@code status}
 * run as processes with the JVM's class-load log, after a login against the sandbox, which is then
 * stopped. Neither may load the HTTP stack (Feign, Jackson, the JDK HTTP client, TLS: the JCA's listing
 * of the SunJSSE provider is no TLS) nor Redis
 * (Lettuce, Netty), nor build the argument parser's model of every command (a bare {@code token} or
 * {@code status} has nothing to parse), nor a Guice injector (the stored session is read straight
 * from the vault): the start-up time a script pays per {@code token} call. Time itself is measured
 * by {@code benchmarks/cold-start.sh}, never asserted.
 */
@Timeout(120)
class FreshSessionStartupTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("startup-test-key-31c7", "S1234567", "2468",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXR");
    private static final List<String> UNUSED_WITH_A_FRESH_SESSION = List.of("feign.", "com.fasterxml.jackson.",
            "java.net.http.", "jdk.internal.net.http.", "javax.net.ssl.", "sun.security.ssl.", "io.lettuce.", "io.netty.",
            "picocli.CommandLine$Model", "com.google.inject.internal.InjectorImpl");

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void logInAndStopTheBroker() throws IOException {
        Path keyFile = dir.resolve("vault.key");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        env.putAll(Map.of(
                "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                "SMARTAPI_PIN", ACCOUNT.mpin(),
                "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                "SMARTAPI_VAULT_DIR", dir.resolve("vault").toString(),
                "SMARTAPI_VAULT_KEY_FILE", keyFile.toString(),
                "SMARTAPI_PACING", "false",
                "HOME", dir.resolve("home").toString(), // no properties file of the user's is discovered
                "XDG_CONFIG_HOME", dir.resolve("home/.config").toString()));
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(SandboxClock.at(Instant.now()))
                .rateLimits(false).build()) {
            env.put("SMARTAPI_BASE_URL", sandbox.start().toString());
            StringWriter err = new StringWriter();
            int login = SmartApiAuthCli.run(new CliEnvironment(env, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true), Optional.empty(), Clock.systemUTC()), "login");
            assertThat(login).as("login: %s", err).isZero();
        }
    }

    @Test
    void tokenFromAFreshStoredSessionLoadsOnlyWhatItUses() throws Exception {
        Finished token = runWithClassLog("token");

        assertThat(token.exitCode()).as("stderr: %s", token.stderr()).isZero();
        assertThat(token.stdout().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(token.loaded().stream().filter(this::unusedWithAFreshSession)).as("classes loaded by token")
                .isEmpty();
    }

    @Test
    void statusOfAFreshStoredSessionLoadsOnlyWhatItUses() throws Exception {
        Finished status = runWithClassLog("status");

        assertThat(status.exitCode()).as("stderr: %s", status.stderr()).isZero();
        assertThat(status.stdout()).contains(ACCOUNT.clientCode() + ": FRESH");
        assertThat(status.loaded().stream().filter(this::unusedWithAFreshSession)).as("classes loaded by status")
                .isEmpty();
    }

    @Test
    void bareTokenAndStatusAnswerAsTheParsedCommandsDo() throws IOException {
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        List<String> both = List.of("token", "status");
        assertBareAnswersAsParsed(env, now, both, 0, "");

        Map<String, String> misspelled = new HashMap<>(env);
        misspelled.put("SMARTAPI_VAULT_DIRR", "/nowhere"); // warned about, on both paths
        assertBareAnswersAsParsed(misspelled, now, both, 0, "warning: ");

        Map<String, String> withoutApiKey = new HashMap<>(env);
        withoutApiKey.remove("SMARTAPI_API_KEY");
        assertBareAnswersAsParsed(withoutApiKey, now, both, 2, "error: ");

        Map<String, String> fromTheDiscoveredFile = new HashMap<>(env);
        fromTheDiscoveredFile.remove("SMARTAPI_API_KEY");
        Path config = dir.resolve("home/.config/smartapi-auth/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SMARTAPI_API_KEY=" + ACCOUNT.apiKey() + "\n");
        assertBareAnswersAsParsed(fromTheDiscoveredFile, now, both, 0, "");

        Map<String, String> noVault = new HashMap<>(env);
        noVault.put("SMARTAPI_VAULT_DIR", dir.resolve("empty-vault").toString());
        assertBareAnswersAsParsed(noVault, now, List.of("status"), 1, ""); // no session (token would log in)
    }

    /** The bare command line and the same command parsed by picocli: the same output, errors and exit code. */
    private static void assertBareAnswersAsParsed(Map<String, String> variables, Clock clock, List<String> commands,
                                                  int exitCode, String errStart) {
        for (String command : commands) {
            Answer bare = answer(variables, clock, environment -> SmartApiAuthCli.run(environment, command));
            Answer parsed = answer(variables, clock, environment -> SmartApiAuthCli.runParsed(environment, command));
            assertThat(bare).as(command).isEqualTo(parsed);
            assertThat(bare.exitCode()).as("%s: %s", command, bare).isEqualTo(exitCode);
            assertThat(bare.err()).as(command).startsWith(errStart);
        }
    }

    private static Answer answer(Map<String, String> variables, Clock clock,
                                 java.util.function.ToIntFunction<CliEnvironment> run) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run.applyAsInt(new CliEnvironment(Map.copyOf(variables), new PrintWriter(out, true),
                new PrintWriter(err, true), Optional.empty(), clock));
        return new Answer(code, out.toString(), err.toString());
    }

    private record Answer(int exitCode, String out, String err) {
    }

    /** The JCA lists every provider, SunJSSE's class included, when the vault's cipher is looked up: no TLS. */
    private boolean unusedWithAFreshSession(String className) {
        return !className.startsWith("sun.security.ssl.SunJSSE") // the provider class and its lambdas
                && UNUSED_WITH_A_FRESH_SESSION.stream().anyMatch(className::startsWith);
    }

    /** The CLI as a process, the broker gone (a network call would fail), with the JVM's class-load log. */
    private Finished runWithClassLog(String command) throws Exception {
        Path log = dir.resolve(command + "-classes.log");
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                SmartApiAuthCli.class.getName(), command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            String stderr = readAll(process.getErrorStream());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
            List<String> loaded = Files.readAllLines(log).stream()
                    .map(entry -> entry.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
                    .map(entry -> entry.split(" ", 2)[0])
                    .toList();
            assertThat(loaded).as("the class-load log").contains(SmartApiAuthCli.class.getName());
            return new Finished(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr, loaded);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Finished(int exitCode, String stdout, String stderr, List<String> loaded) {
    }
}
