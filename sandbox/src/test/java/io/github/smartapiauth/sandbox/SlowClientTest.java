package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow or stalled clients cost their own connection only: everyone else is served meanwhile. */
class SlowClientTest {

    private static final int STALLED = 500;

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private final List<RawSocket> stalled = new ArrayList<>();
    private SmartApiSandbox sandbox;

    @AfterEach
    void stop() {
        stalled.forEach(RawSocket::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void fiveHundredStalledConnectionsLeaveANormalClientServed() {
        sandbox = SmartApiSandbox.builder().account(SandboxAccount.demo()).clock(clock).rateLimits(false).build();
        URI base = sandbox.start();
        for (int i = 0; i < STALLED; i++) {
            RawSocket socket = new RawSocket(base);
            stalled.add(socket);
            if (i % 2 == 0) {
                socket.send("P"); // one byte of a request line, then nothing
            } else {
                socket.send("POST " + Route.LOGIN.path() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"clientcode\""); // a body promised, never sent
            }
        }

        SandboxHttp http = new SandboxHttp(base, clock);
        SandboxHttp.Tokens tokens = http.loggedIn(SandboxAccount.demo());
        for (int i = 0; i < 20; i++) {
            assertThat(http.get(Route.GET_PROFILE, SandboxAccount.demo().apiKey(), tokens.jwt()).json()
                    .path("status").asBoolean()).isTrue();
        }
    }

    @Test
    void aRequestThatIsNotCompleteWithinTheRequestTimeoutIsAnswered408AndClosed() {
        sandbox = SmartApiSandbox.builder().clock(clock).requestTimeout(Duration.ofMillis(200)).build();
        URI base = sandbox.start();

        try (RawSocket oneByte = new RawSocket(base); RawSocket promisedBody = new RawSocket(base)) {
            oneByte.send("G");
            promisedBody.send("POST " + Route.LOGIN.path() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{");

            assertThat(oneByte.readUntilClosed()).startsWith("HTTP/1.1 408 ").doesNotContain("<still open>");
            assertThat(promisedBody.readUntilClosed()).startsWith("HTTP/1.1 408 ").doesNotContain("<still open>");
        }
    }
}
