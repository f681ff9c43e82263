package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport on its own: every failure is answered, and close() leaves no thread or socket behind. */
class HttpListenerTest {

    private static final HttpLimits LIMITS = new HttpLimits(16 * 1024, 1024, Duration.ofSeconds(5),
            Duration.ofSeconds(30), 64);

    @Test
    void anErrorThrownWhileAnsweringIsAnswered500AndTheNextClientIsServed() throws Exception {
        RequestHandler handler = request -> {
            if (request.path().equals("/boom")) {
                throw new OutOfMemoryError("planted");
            }
            return Reply.text(200, "fine", "ok");
        };
        try (HttpListener listener = listen(handler)) {
            URI base = URI.create("http://127.0.0.1:" + listener.port());
            try (RawSocket boom = new RawSocket(base)) {
                assertThat(boom.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed())
                        .startsWith("HTTP/1.1 500 ").contains("Connection: close").doesNotContain("<still open>");
            }
            try (RawSocket next = new RawSocket(base)) {
                assertThat(next.send("GET /fine HTTP/1.1\r\nHost: x\r\n\r\n").readResponse())
                        .startsWith("HTTP/1.1 200 ").endsWith("fine");
            }
        }
    }

    @Test
    void malformedRequestsAreAnsweredWithTheirStatusAndClosed() throws Exception {
        try (HttpListener listener = listen(request -> Reply.text(200, "fine", "ok"))) {
            URI base = URI.create("http://127.0.0.1:" + listener.port());
            assertThat(exchange(base, "GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(exchange(base, "GET / HTTP/2.0\r\n\r\n")).startsWith("HTTP/1.1 505 ");
            assertThat(exchange(base, "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"))
                    .startsWith("HTTP/1.1 431 ");
            assertThat(exchange(base, "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"))
                    .startsWith("HTTP/1.1 400 ");
            assertThat(exchange(base, "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")).startsWith("HTTP/1.1 501 ");
            assertThat(exchange(base, "POST / HTTP/1.1\r\nContent-Length: 4096\r\n\r\n")).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void keepAliveAndChunkedRequestsAreServedOnOneConnection() throws Exception {
        try (HttpListener listener = listen(request -> Reply.text(200, new String(request.body()), "echo"))) {
            URI base = URI.create("http://127.0.0.1:" + listener.port());
            try (RawSocket socket = new RawSocket(base)) {
                assertThat(socket.send("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi").readResponse()).endsWith("hi");
                assertThat(socket.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1;x=y\r\nc\r\n0\r\n\r\n")
                        .readResponse()).endsWith("abc");
                assertThat(socket.send("POST / HTTP/1.1\r\nExpect: 100-continue\r\nConnection: close\r\n"
                        + "Content-Length: 1\r\n\r\nz").readUntilClosed())
                        .startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ").contains("Connection: close").endsWith("z");
            }
        }
    }

    @Test
    void closingEndsEveryConnectionThreadAndSocketEvenWithStalledClients() throws Exception {
        List<RawSocket> stalled = new ArrayList<>();
        HttpListener listener = listen(request -> Reply.text(200, "fine", "ok"));
        URI base = URI.create("http://127.0.0.1:" + listener.port());
        try {
            for (int i = 0; i < 40; i++) {
                stalled.add(new RawSocket(base).send("GET / HTTP/1.1\r\n"));
            }
            try (RawSocket served = new RawSocket(base)) {
                assertThat(served.send("GET / HTTP/1.1\r\n\r\n").readResponse()).startsWith("HTTP/1.1 200 ");
            }

            listener.close();

            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                    thread -> thread.isAlive() && thread.getName().startsWith("smartapi-sandbox-"));
            for (RawSocket socket : stalled) {
                assertThat(socket.readUntilClosed()).doesNotContain("<still open>");
            }
        } finally {
            listener.close();
            stalled.forEach(RawSocket::close);
        }
    }

    private static String exchange(URI base, String request) {
        try (RawSocket socket = new RawSocket(base)) {
            return socket.send(request).readUntilClosed();
        }
    }

    private static HttpListener listen(RequestHandler handler) throws Exception {
        return HttpListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), LIMITS, handler, 2);
    }
}
