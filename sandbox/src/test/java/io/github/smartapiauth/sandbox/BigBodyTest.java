package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request bodies are capped: a huge one gets 413, costs no memory, and a normal client is still served. */
class BigBodyTest {

    private static final int FIFTY_MB = 50 * 1024 * 1024;

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private URI base;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(SandboxAccount.demo()).clock(clock).rateLimits(false).build();
        base = sandbox.start();
        http = new SandboxHttp(base, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aFiftyMegabyteBodyIsAnswered413AndANormalClientIsStillServed() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (RawSocket big = new RawSocket(base)) {
                big.send("POST " + Route.LOGIN.path() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + FIFTY_MB + "\r\n\r\n");
                big.send(padding(64 * 1024));

                String answer = big.readResponse();
                assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Content-Type: text/plain")
                        .contains("Request body too large");
            }
        }

        SandboxHttp.Tokens tokens = http.loggedIn(SandboxAccount.demo());
        assertThat(http.get(Route.GET_PROFILE, SandboxAccount.demo().apiKey(), tokens.jwt()).json()
                .path("status").asBoolean()).isTrue();
    }

    @Test
    void aChunkedBodyOverTheCapIsAnswered413() {
        try (RawSocket chunked = new RawSocket(base)) {
            chunked.send("POST " + Route.LOGIN.path() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String answer = null;
            for (int chunk = 0; chunk < 64 && answer == null; chunk++) { // 64 x 32 KiB: far over the cap
                try {
                    chunked.send(Integer.toHexString(32 * 1024) + "\r\n");
                    chunked.send(padding(32 * 1024));
                    chunked.send("\r\n");
                } catch (java.io.UncheckedIOException closedByServer) {
                    answer = chunked.readUntilClosed();
                }
            }
            if (answer == null) {
                answer = chunked.readResponse();
            }
            assertThat(answer).startsWith("HTTP/1.1 413 ");
        }
        assertThat(http.login(SandboxAccount.demo()).json().path("status").asBoolean()).isTrue();
    }

    @Test
    void theRequestLogKeepsOnlyABoundedPrefixOfABody() {
        String body = "{\"clientcode\":\"DEMO001\",\"note\":\"" + "x".repeat(30_000) + "\"}";

        http.post(Route.LOGIN, SandboxAccount.demo().apiKey(), null, body);

        CapturedRequest captured = sandbox.requests(Route.LOGIN).get(0);
        assertThat(captured.body()).startsWith("{\"clientcode\":\"DEMO001\"");
        assertThat(captured.body().length()).isLessThanOrEqualTo(SmartApiSandbox.CAPTURED_BODY_PREFIX);
    }

    private static byte[] padding(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
