package io.github.smartapiauth.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP/1.1 server: one acceptor thread and one thread per open connection, up to
 * {@link HttpLimits#maxConnections()} (a connection beyond it is closed at once). Connection
 * threads come from a pool that keeps {@code coreThreads} warm. {@link #close()} closes the
 * listening socket and every open connection, and waits for every thread it started to end.
 */
final class HttpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);
    private static final int BACKLOG = 1024;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final HttpLimits limits;
    private final RequestHandler handler;
    private final ServerSocket server;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpListener(ServerSocket server, HttpLimits limits, RequestHandler handler, int coreThreads) {
        this.server = server;
        this.limits = limits;
        this.handler = handler;
        this.connections = new ThreadPoolExecutor(Math.min(coreThreads, limits.maxConnections()),
                limits.maxConnections(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("smartapi-sandbox-connection"));
        this.acceptor = daemonThreads("smartapi-sandbox-acceptor").newThread(this::acceptLoop);
    }

    /** Binds {@code address} and starts accepting. */
    static HttpListener start(InetSocketAddress address, HttpLimits limits, RequestHandler handler, int coreThreads)
            throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address, BACKLOG);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        HttpListener listener = new HttpListener(server, limits, handler, coreThreads);
        listener.acceptor.start();
        return listener;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections being served now. */
    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed with {}", e.getClass().getName());
                    // Out of file descriptors, say: do not spin; the connections open now will end.
                    java.util.concurrent.locks.LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
                }
                continue;
            }
            open.add(socket);
            if (closed) {
                closeQuietly(socket);
                continue;
            }
            try {
                connections.execute(new HttpConnection(socket, limits, handler, () -> open.remove(socket)));
            } catch (RejectedExecutionException full) {
                LOG.debug("connection limit {} reached: a new connection is closed", limits.maxConnections());
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        connections.shutdownNow();
        open.forEach(HttpListener::closeQuietly);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
            if (!connections.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("connection threads still running {} s after close", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
