package io.github.smartapiauth.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Connections to the sandbox that start a request and never finish it: half after one byte, half mid-body. */
final class StalledConnections implements AutoCloseable {

    private final List<Socket> sockets;

    private StalledConnections(List<Socket> sockets) {
        this.sockets = sockets;
    }

    static StalledConnections open(URI base, int count) {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
                sockets.add(socket);
                String start = i % 2 == 0 ? "G"
                        : "POST /rest/auth/angelbroking/user/v1/loginByPassword HTTP/1.1\r\nHost: x\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        } catch (IOException e) {
            new StalledConnections(sockets).close();
            throw new UncheckedIOException(e);
        }
        return new StalledConnections(sockets);
    }

    /** How many the server has neither answered nor closed. */
    int stillOpen() {
        int open = 0;
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(1);
                InputStream in = socket.getInputStream();
                in.read();
            } catch (SocketTimeoutException nothingYet) {
                open++;
            } catch (IOException closed) {
                // closed by the server
            }
        }
        return open;
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
