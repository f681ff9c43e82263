package io.github.smartapiauth.adapter.redis.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads one redis-server's verbose log from its stdout on a daemon thread, copies it to a file
 * for diagnosis, and turns two of its lines into signals: "Ready to accept connections" and
 * "Accepted <address>" (one permit per accepted connection).
 */
final class ServerOutput {

    private final CountDownLatch readyOrEnded = new CountDownLatch(1);
    private final Semaphore accepted = new Semaphore(0);
    private volatile boolean ready;

    ServerOutput(InputStream stdout, Path log) {
        Thread reader = new Thread(() -> copy(stdout, log), "redis-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** True once the server is ready; false when it ended first or {@code bound} passed. */
    boolean awaitReady(Duration bound) throws InterruptedException {
        return readyOrEnded.await(bound.toNanos(), TimeUnit.NANOSECONDS) && ready;
    }

    boolean awaitAccepted(int count, Duration bound) throws InterruptedException {
        return accepted.tryAcquire(count, bound.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void copy(InputStream stdout, Path log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                copy.write(line);
                copy.write('\n');
                copy.flush();
                if (line.contains("Ready to accept connections")) {
                    ready = true;
                    readyOrEnded.countDown();
                } else if (line.contains(" Accepted ")) {
                    accepted.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            readyOrEnded.countDown();
        }
    }
}
