package io.github.smartapiauth.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that answers its first connection with a huge body, as fast as the client
 * takes it, up to {@code bound} bytes: with a declared {@code Content-Length}, chunked, or
 * undeclared (ended by closing). It records how many body bytes it wrote before the body was
 * done or the client closed the connection.
 */
final class FloodServer implements AutoCloseable {

    enum Framing { DECLARED, CHUNKED, UNTIL_CLOSE }

    private static final int CHUNK = 64 * 1024;

    private final ServerSocket socket;
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closedByClient;

    FloodServer(Framing framing, long bound) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> serve(framing, bound), "flood-server");
        server.setDaemon(true);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Waits until the body was sent in full or the client closed the connection; true when either happened in time. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    long bodyBytesWritten() {
        return written.get();
    }

    boolean closedByClient() {
        return closedByClient;
    }

    private void serve(Framing framing, long bound) {
        try (Socket connection = socket.accept()) {
            readHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + switch (framing) {
                case DECLARED -> "Content-Length: " + bound + "\r\n";
                case CHUNKED -> "Transfer-Encoding: chunked\r\n";
                case UNTIL_CLOSE -> "Connection: close\r\n";
            } + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) ' ');
            byte[] chunkHead = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            while (written.get() + CHUNK <= bound) {
                if (framing == Framing.CHUNKED) {
                    out.write(chunkHead);
                }
                out.write(chunk);
                if (framing == Framing.CHUNKED) {
                    out.write(crlf);
                }
                written.addAndGet(CHUNK);
            }
            out.flush();
        } catch (IOException closed) {
            closedByClient = true;
        } finally {
            done.countDown();
        }
    }

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
        socket.close();
    }
}
