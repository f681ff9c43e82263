package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One renewer per account across threads and processes: an exclusive {@link FileLock} on
 * {@code <directory>/<CLIENTCODE>.lock}, next to the account's vault.
 *
 * <p>A {@code FileLock} belongs to the whole JVM (a second lock from the same JVM throws, and
 * closing any channel of the file drops it), so threads first take a per-account lock held
 * by this instance: <b>use one instance per directory in a process</b>, shared by everything
 * that renews there. Waiting polls the file lock until {@code maxWait} runs out.
 *
 * <p>The fencing token is a counter kept in the lock file and raised with every grant, so it
 * grows across processes and restarts.
 */
public final class FileSessionLease implements SessionLeasePort {

    private static final Duration DEFAULT_POLL = Duration.ofMillis(20);

    private final Path directory;
    private final long pollNanos;
    private final ConcurrentMap<ClientCode, Semaphore> inProcess = new ConcurrentHashMap<>();

    /** A lease on lock files in {@code directory} (created owner-only when missing), polled every 20 ms. */
    public FileSessionLease(Path directory) {
        this(directory, DEFAULT_POLL);
    }

    public FileSessionLease(Path directory, Duration pollInterval) {
        this.directory = Objects.requireNonNull(directory, "the lock directory is required").toAbsolutePath();
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval is " + pollInterval + "; expected more than zero");
        }
        this.pollNanos = pollInterval.toNanos();
    }

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(account, "account");
        long deadline = System.nanoTime() + Waits.nanos(maxWait);
        Semaphore local = inProcess.computeIfAbsent(account, any -> new Semaphore(1, true));
        if (!local.tryAcquire(Waits.nanos(maxWait), TimeUnit.NANOSECONDS)) {
            throw notGranted(account, maxWait, "a thread of this process holds it");
        }
        Path file = lockFile(account);
        FileChannel channel = null;
        try {
            FilePermissions.ensureDirectory(directory);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), FilePermissions.ownerOnlyFile(directory));
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw notGranted(account, maxWait, "another process holds it");
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(pollNanos, left));
            }
            return new FileLease(local, channel, lock, nextFencingToken(channel));
        } catch (IOException e) {
            release(local, channel);
            throw new SessionStoreException("cannot lock " + file + " for the renewal of " + account + ": "
                    + FilePermissions.describe(e), null, e);
        } catch (OverlappingFileLockException e) {
            release(local, channel);
            throw new SessionStoreException("cannot lock " + file + " for the renewal of " + account
                    + ": another FileSessionLease of this process holds it; share one instance per directory", null, e);
        } catch (InterruptedException | RuntimeException e) {
            release(local, channel);
            throw e;
        }
    }

    Path lockFile(ClientCode account) {
        return directory.resolve(account.value() + ".lock");
    }

    private static long nextFencingToken(FileChannel channel) throws IOException {
        ByteBuffer stored = ByteBuffer.allocate(Long.BYTES);
        while (stored.hasRemaining() && channel.read(stored, stored.position()) > 0) {
            // read until 8 bytes or the end
        }
        long previous = stored.hasRemaining() ? 0 : Math.max(0, stored.getLong(0));
        long next = previous + 1;
        ByteBuffer out = ByteBuffer.allocate(Long.BYTES).putLong(0, next);
        while (out.hasRemaining()) {
            channel.write(out, out.position());
        }
        channel.force(false);
        return next;
    }

    private SessionStoreException notGranted(ClientCode account, Duration maxWait, String holder) {
        return new SessionStoreException("the renewal lease of " + account + " (" + lockFile(account)
                + ") was not granted within " + maxWait + ": " + holder + " and is still renewing");
    }

    private static void release(Semaphore local, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing drops the lock whatever the error.
        } finally {
            local.release();
        }
    }

    private static final class FileLease implements Lease {

        private final Semaphore local;
        private final FileChannel channel;
        private final FileLock lock;
        private final long fencingToken;
        private final AtomicBoolean released = new AtomicBoolean();

        FileLease(Semaphore local, FileChannel channel, FileLock lock, long fencingToken) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
            this.fencingToken = fencingToken;
        }

        @Override
        public long fencingToken() {
            return fencingToken;
        }

        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                lock.release();
            } catch (IOException ignored) {
                // The channel's close below releases it too.
            } finally {
                release(local, channel);
            }
        }
    }
}
