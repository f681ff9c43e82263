package io.github.smartapiauth.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One TCP connection to the sandbox on loopback, for what an HTTP client library would not send. */
final class RawSocket implements AutoCloseable {

    /** How long any single read waits before the test gives up on an answer. */
    static final int READ_LIMIT_MILLIS = 10_000;

    private final Socket socket;

    RawSocket(URI base) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
            socket.setSoTimeout(READ_LIMIT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawSocket send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawSocket send(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the server sends until it closes the connection (or the read limit passes: then what came). */
    String readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return received.toString(StandardCharsets.ISO_8859_1) + "<still open>";
        } catch (IOException e) {
            return received.toString(StandardCharsets.ISO_8859_1) + "<" + e.getClass().getSimpleName() + ">";
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** The bytes of one response whose head says Content-Length (the connection stays open). */
    String readResponse() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    int length = contentLength(text);
                    byte[] body = in.readNBytes(length);
                    return text + new String(body, StandardCharsets.UTF_8);
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1) + "<closed>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test connection
        }
    }
}
