package io.github.smartapiauth.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that answers every connection with the same raw bytes, then either closes
 * or stalls until closed: for answers the sandbox cannot give (a body that never ends, odd
 * headers, chunked bodies).
 */
final class CannedAnswerServer implements AutoCloseable {

    private final ServerSocket socket;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch requestRead = new CountDownLatch(1);
    private final Thread acceptor;

    CannedAnswerServer(String rawAnswer, boolean stallAfterAnswer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] answer = rawAnswer.getBytes(StandardCharsets.UTF_8);
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    readHead(connection.getInputStream());
                    requestRead.countDown();
                    OutputStream out = connection.getOutputStream();
                    out.write(answer);
                    out.flush();
                    if (stallAfterAnswer) {
                        closed.await(30, TimeUnit.SECONDS);
                    }
                } catch (IOException | InterruptedException stopped) {
                    return;
                }
            }
        }, "raw-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Waits, at most {@code timeout}, until the first request has been read; true when it has. */
    boolean awaitFirstRequest(java.time.Duration timeout) throws InterruptedException {
        return requestRead.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Reads the request line and headers, and a body of up to Content-Length bytes. */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            head.append((char) c);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
    }
}
