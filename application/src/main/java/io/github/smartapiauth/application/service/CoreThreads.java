package io.github.smartapiauth.application.service;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the session core starts itself: renewals that callers wait for, refreshes ahead of
 * time (unless the platform gives its own executor) and listener deliveries. Daemon threads named
 * {@code smartapi-auth-core-N}, started on demand, ended after a few idle seconds, and all stopped
 * by {@link #close()}. An account renewing never waits for another account's renewal for a thread.
 */
final class CoreThreads implements Executor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;

    CoreThreads() {
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "smartapi-auth-core-" + poolNumber + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws RejectedExecutionException once closed */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /**
     * Lets listener deliveries and renewals in progress finish for up to a second, then interrupts
     * what still runs and waits (a few seconds at most) until every thread has ended.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
