package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The deadline covers the whole request, not each read: a client that trickles bytes, each in
 * time for a per-read timeout, is cut off all the same. Time is injected: each read of it moves it on.
 */
class DeadlineInputTest {

    @Test
    void aClientTricklingBytesIsCutOffWhenTheWholeRequestDeadlinePasses() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            // Every look at the time finds a second more: three buffer fills at most fit in 3.5 s.
            DeadlineInput in = new DeadlineInput(accepted, () -> nanos.getAndAdd(Duration.ofSeconds(1).toNanos()));
            in.deadlineIn(Duration.ofMillis(3500));

            int read = 0;
            for (int i = 0; i < 3; i++) {
                out.write("G".getBytes(StandardCharsets.US_ASCII)); // one byte, then the server reads it
                out.flush();
                assertThat(in.read()).isEqualTo('G');
                read++;
            }
            out.write("E".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(read).isEqualTo(3);
            assertThatThrownBy(in::read).as("the byte is there, but the request's time is up")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
