package io.github.smartapiauth.adapter.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with a name that says whose they are: the prefix, then a number that counts
 * across every client in the process (so two clients never show the same thread name).
 */
final class DaemonThreadFactory implements ThreadFactory {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String prefix;

    DaemonThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + NEXT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
