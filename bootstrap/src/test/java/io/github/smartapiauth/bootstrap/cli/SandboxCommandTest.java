package io.github.smartapiauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.sandbox.SandboxAccount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sandbox} command as a test suite in another language uses it: started with flags
 * only, its URL read from the JSON banner, steered over plain HTTP through the control API.
 */
class SandboxCommandTest {

    private static final String API_KEY = "cmd-test-key-91ab";
    private static final String CLIENT_CODE = "K1234567";
    private static final String MPIN = "5678";
    private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant START = Instant.parse("2025-01-06T04:00:00Z");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LineWriter out = new LineWriter();
    private final StringWriter err = new StringWriter();
    private Thread command;
    private final AtomicInteger exitCode = new AtomicInteger(-1);

    @AfterEach
    void stop() throws InterruptedException {
        if (command != null) {
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(command.isAlive()).as("the command ended").isFalse();
        }
    }

    @Test
    void flagsAloneConfigureTheSandboxAndTheControlApiSteersItOverHttp() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.txt"),
                "# api key, client code, MPIN, TOTP secret, profile name\n"
                        + API_KEY + " " + CLIENT_CODE + " " + MPIN + " " + TOTP_SECRET + " Kay Trader\n");
        start("--accounts", accounts.toString(), "--control", "--json-banner", "--log-requests",
                "--start-at", START.toString(), "--clock-rate", "0", "--token-lifetime", "30m",
                "--fault", "LOGIN=HTTP_500x1", "--fault", "getProfile=TRANSIENT_ERROR");

        String banner = out.awaitLine(0);
        assertThat(banner).startsWith("{").endsWith("}").contains("\"accounts\":[\"" + CLIENT_CODE + "\"]")
                .contains("\"clock\":\"2025-01-06T04:00:00Z\"").doesNotContain(API_KEY, MPIN, TOTP_SECRET);
        URI base = URI.create(field(banner, "url"));
        assertThat(field(banner, "controlUrl")).isEqualTo(base + "/__sandbox/");

        assertThat(login(base).statusCode()).as("the scripted fault").isEqualTo(500);
        HttpResponse<String> login = login(base);
        assertThat(login.body()).contains("\"status\":true").contains("\"jwtToken\"");
        String jwt = field(login.body(), "jwtToken");
        assertThat(profile(base, jwt).body()).contains("AB1004");
        assertThat(profile(base, jwt).body()).contains("\"name\":\"Kay Trader\"");

        assertThat(control(base, "POST", "clock", "{\"advance\":\"PT31M\"}").body()).contains("2025-01-06T04:31:00Z");
        assertThat(profile(base, jwt).body()).as("30-minute tokens").contains("AG8002");
        assertThat(control(base, "GET", "counters", null).body()).contains("\"LOGIN\":2").contains("\"GET_PROFILE\":3");

        String requestLines = out.awaitLine(5) + out.awaitLine(1) + out.awaitLine(2);
        assertThat(requestLines).contains("LOGIN POST").contains("GET_PROFILE GET")
                .doesNotContain(API_KEY, jwt, MPIN, TOTP_SECRET, "eyJ");
    }

    @Test
    void theDemoBannerCarriesTheDemoAccountForScriptsToParse() throws Exception {
        start("--json-banner", "--rotate-refresh-tokens");

        String banner = out.awaitLine(0);
        assertThat(field(banner, "url")).startsWith("http://127.0.0.1:");
        assertThat(banner).contains("\"controlUrl\":null").contains("\"rotateRefreshTokens\":true")
                .contains("\"clientCode\":\"DEMO001\"").contains("\"apiKey\":\"" + SandboxAccount.DEMO_API_KEY + "\"")
                .contains("\"totpSecret\":\"" + SandboxAccount.DEMO_TOTP_SECRET + "\"");
        assertThat(control(URI.create(field(banner, "url")), "GET", "counters", null).statusCode())
                .as("no control API unless asked for").isEqualTo(404);
    }

    @Test
    void badFlagsAreUsageErrors() {
        for (String[] args : new String[][] {
                {"sandbox", "--fault", "NOWHERE=HTTP_500"},
                {"sandbox", "--fault", "LOGIN=EXPLODE"},
                {"sandbox", "--token-lifetime", "soon"},
                {"sandbox", "--clock-rate", "-1"},
                {"sandbox", "--accounts", dir.resolve("missing.txt").toString()}}) {
            StringWriter errors = new StringWriter();
            int code = SmartApiAuthCli.run(environment(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(errors, true)), args);
            assertThat(code).as(String.join(" ", args) + ": " + errors).isEqualTo(2);
        }
    }

    private void start(String... flags) {
        String[] args = new String[flags.length + 1];
        args[0] = "sandbox";
        System.arraycopy(flags, 0, args, 1, flags.length);
        command = new Thread(() -> exitCode.set(SmartApiAuthCli.run(
                environment(new PrintWriter(out, true), new PrintWriter(err, true)), args)), "sandbox-command-test");
        command.start();
    }

    private static CliEnvironment environment(PrintWriter out, PrintWriter err) {
        return new CliEnvironment(Map.of(), out, err, Optional.empty(), Clock.fixed(START, ZoneOffset.UTC));
    }

    private HttpResponse<String> login(URI base) throws Exception {
        String totp = io.github.smartapiauth.sandbox.SandboxAccount.of(API_KEY, CLIENT_CODE, MPIN, TOTP_SECRET)
                .totpAt(START);
        return send(smartApi(base, "/rest/auth/angelbroking/user/v1/loginByPassword", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientcode\":\"" + CLIENT_CODE + "\",\"password\":\""
                        + MPIN + "\",\"totp\":\"" + totp + "\"}")).build());
    }

    private HttpResponse<String> profile(URI base, String jwt) throws Exception {
        return send(smartApi(base, "/rest/secure/angelbroking/user/v1/getProfile", jwt).GET().build());
    }

    private HttpRequest.Builder smartApi(URI base, String path, String jwt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-PrivateKey", API_KEY).header("X-UserType", "USER")
                .header("X-SourceID", "WEB");
        return jwt == null ? request : request.header("Authorization", "Bearer " + jwt);
    }

    private HttpResponse<String> control(URI base, String method, String call, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/__sandbox/" + call)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(value.find()).as(name + " in " + json).isTrue();
        return value.group(1);
    }

    /** Collects what the command prints, line by line, and lets the test wait for a line. */
    private static final class LineWriter extends Writer {

        private final StringBuilder text = new StringBuilder();
        private final java.util.List<String> lines = new java.util.ArrayList<>();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            for (int newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n")) {
                lines.add(text.substring(0, newline).stripTrailing());
                text.delete(0, newline + 1);
                notifyAll();
            }
        }

        /** The line at {@code index}, waiting up to 10 s for it to be printed. */
        synchronized String awaitLine(int index) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.size() <= index) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("line " + index + " printed; so far: " + lines).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return lines.get(index);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
