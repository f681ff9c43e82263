package io.github.smartapiauth.bootstrap.wiring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything one wiring started that must be stopped: the core's threads, the HTTP client's
 * threads, key material to wipe, Redis connections. Each is registered when it is built and closed
 * in reverse order by {@link #close()} (which {@code SmartApiAuth.close()} calls). Idempotent.
 */
public final class OwnedResources implements AutoCloseable {

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private boolean closed;

    /** Registers {@code resource} to be closed, and returns it. */
    public synchronized <T extends AutoCloseable> T register(T resource) {
        if (closed) {
            closeQuietly(resource);
        } else {
            owned.push(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                closed = true;
                next = owned.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing stops threads and wipes memory; a failure to do so has nothing to tell the caller.
        }
    }
}
