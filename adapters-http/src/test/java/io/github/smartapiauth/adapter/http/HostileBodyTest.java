package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that answers with 300 MB (declared, chunked, or until it closes): the client keeps at
 * most the 1 MiB cap, fails with a declared error naming the cap, and closes the connection, so
 * the server cannot push the rest.
 */
@Timeout(60)
class HostileBodyTest {

    static final long THREE_HUNDRED_MB = 300L * 1000 * 1000;
    /** The cap, plus what socket buffers on both sides hold. */
    static final long MOST_A_CLOSED_CONNECTION_ABSORBS = 32L * 1024 * 1024;

    @ParameterizedTest
    @EnumSource(FloodServer.Framing.class)
    void aThreeHundredMegabyteAnswerIsRefusedAtTheCapAndItsConnectionClosed(FloodServer.Framing framing) throws Exception {
        try (FloodServer server = new FloodServer(framing, THREE_HUNDRED_MB);
             SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(server.base())
                     .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)).withPacing(false))) {

            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), TotpCode.of("123456")))
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("larger than 1 MiB (1048576 bytes)")
                    .hasMessageContaining("loginByPassword")
                    .satisfies(e -> assertThat(((SmartApiAuthException) e).isTransient()).isFalse());

            assertThat(server.awaitDone(Duration.ofSeconds(30))).as("the server's flood ended").isTrue();
            System.out.printf("HostileBodyTest %s: the server wrote %d body bytes of %d before the client closed%n",
                    framing, server.bodyBytesWritten(), THREE_HUNDRED_MB);
            assertThat(server.closedByClient()).as("the client closed the connection").isTrue();
            assertThat(server.bodyBytesWritten()).isLessThan(MOST_A_CLOSED_CONNECTION_ABSORBS);
        }
    }
}
