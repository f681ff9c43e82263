package io.github.smartapiauth.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;

/**
 * The bytes of one connection, read against a deadline for the whole request: every read waits
 * at most the time left, so a client that trickles one byte at a time is cut off as surely as
 * one that sends nothing. Buffered, since the head is parsed a byte at a time.
 */
final class DeadlineInput {

    private final Socket socket;
    private final InputStream in;
    private final LongSupplier nanoTime;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long deadlineNanos;

    DeadlineInput(Socket socket) throws IOException {
        this(socket, System::nanoTime);
    }

    DeadlineInput(Socket socket, LongSupplier nanoTime) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.nanoTime = nanoTime;
    }

    /** A deadline {@code timeout} from now, on this input's time source. */
    void deadlineIn(java.time.Duration timeout) {
        this.deadlineNanos = nanoTime.getAsLong() + timeout.toNanos();
    }

    /** Whether a byte is already buffered (a pipelined request). */
    boolean hasBuffered() {
        return position < limit;
    }

    /** The next byte, or -1 at the end of the stream. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Gives back the byte just read. */
    void unread() {
        position--;
    }

    /** Up to {@code length} bytes into {@code target}; -1 at the end of the stream. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        long left = deadlineNanos - nanoTime.getAsLong();
        if (left <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
