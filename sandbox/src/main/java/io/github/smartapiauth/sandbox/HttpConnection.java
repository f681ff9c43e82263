package io.github.smartapiauth.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client connection on its own thread: request after request (keep-alive), each read
 * within the request timeout, each answered. A stalled or slow client holds only this thread and
 * this socket. Every failure gets an answer or a closed connection, never silence: a refused
 * request its status (408, 413, ...), an error in a route (even an {@link Error}) a 500.
 */
final class HttpConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    private static final Reply INTERNAL_ERROR = Reply.text(500, "Internal Server Error", "internal error");

    private final Socket socket;
    private final HttpLimits limits;
    private final RequestHandler handler;
    private final Runnable onClose;

    HttpConnection(Socket socket, HttpLimits limits, RequestHandler handler, Runnable onClose) {
        this.socket = socket;
        this.limits = limits;
        this.handler = handler;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException e) {
            LOG.trace("connection ended: {}", e.getClass().getName());
        } catch (RuntimeException | Error e) {
            // Only the type: messages may quote what the client sent.
            LOG.warn("connection failed with {}", e.getClass().getName());
        } finally {
            closeQuietly();
            onClose.run();
        }
    }

    private void serve() throws IOException {
        socket.setTcpNoDelay(true);
        DeadlineInput in = new DeadlineInput(socket);
        OutputStream out = socket.getOutputStream();
        HttpRequestReader reader = new HttpRequestReader(limits);
        while (!socket.isClosed()) {
            if (!awaitNextRequest(in)) {
                return;
            }
            in.deadlineIn(limits.requestTimeout());
            HttpRequest request;
            try {
                request = reader.read(in, out);
            } catch (HttpFailure refused) {
                refuse(out, refused.reply());
                return;
            } catch (SocketTimeoutException late) {
                refuse(out, Reply.text(408, "Request Timeout: the request was not complete within "
                        + limits.requestTimeout().toMillis() + " ms", "request timeout"));
                return;
            }
            if (request == null) {
                return;
            }
            Reply reply = answer(request);
            if (reply.isReset()) {
                reset();
                return;
            }
            boolean keepAlive = request.keepAlive() && reply.status() != 500;
            HttpResponseWriter.write(out, reply, keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    /** Waits up to the idle timeout for the first byte of the next request; false when none comes. */
    private boolean awaitNextRequest(DeadlineInput in) throws IOException {
        if (in.hasBuffered()) {
            return true;
        }
        in.deadlineIn(limits.idleTimeout());
        try {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            in.unread();
            return true;
        } catch (SocketTimeoutException idle) {
            return false;
        }
    }

    private Reply answer(HttpRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException | Error e) {
            LOG.warn("{} {} failed with {}", request.method(), request.path(), e.getClass().getName());
            return INTERNAL_ERROR;
        }
    }

    /**
     * Answers a refused request and closes. The client may still be sending (a body over the
     * limit): the rest is read and dropped until it stops or the request timeout ends, so the
     * answer is not lost to a reset.
     */
    private void refuse(OutputStream out, Reply reply) throws IOException {
        LOG.debug("refused a request: {}", reply.outcome());
        HttpResponseWriter.write(out, reply, false);
        socket.shutdownOutput();
        socket.setSoTimeout((int) Math.max(1, limits.requestTimeout().toMillis()));
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        InputStream rest = socket.getInputStream();
        byte[] sink = new byte[16 * 1024];
        try {
            while (System.nanoTime() < deadline && rest.read(sink) >= 0) {
                // dropped
            }
        } catch (IOException ignored) {
            // the client went away: fine
        }
    }

    private void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
