package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One renewer per account across threads and processes: an exclusive {@link FileLock} on
 * {@code <directory>/<CLIENTCODE>.lock}, next to the account's vault.
 *
 * <p>A {@code FileLock} belongs to the whole JVM (a second lock from the same JVM throws, and
 * closing any channel of the file drops it), so a thread first takes the lock file's permit,
 * which is shared by every instance in the JVM and keyed by the file's real path: any number of
 * instances may use one directory in a process (two modules of a platform, a facade and the
 * CLI), however they spell it ({@code dir}, {@code dir/../dir}, a symbolic link to it); their
 * threads take turns. Another process is waited for by polling the file lock until
 * {@code maxWait} runs out.
 *
 * <p>The fencing token is a counter kept in the lock file (its first 8 bytes, a big-endian
 * {@code long}) and raised with every grant, so it grows across instances, processes and
 * restarts. {@link FileSessionStore} reads it to refuse a write under a lease older than the
 * newest grant (see {@link LeaseFence}).
 */
public final class FileSessionLease implements SessionLeasePort {

    private static final Duration DEFAULT_POLL = Duration.ofMillis(20);

    private final Path directory;
    private final long pollNanos;

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
        long deadline = System.nanoTime() + SaturatedNanos.of(maxWait);
        Path file = realLockFile(account);
        Semaphore local = LockFilePermits.of(file);
        if (!local.tryAcquire(SaturatedNanos.of(maxWait), TimeUnit.NANOSECONDS)) {
            throw notGranted(account, maxWait, "a thread of this process holds it");
        }
        FileChannel channel = null;
        try {
            // Never through a link: a planted <CLIENT>.lock -> someone's file would have its first 8 bytes
            // rewritten by the fencing counter (a dangling one would create a file where it points).
            VaultPaths.checkFile(file);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FilePermissions.ownerOnlyFile(directory));
            VaultPaths.checkFile(file); // what was opened is still a regular file of this user's
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw notGranted(account, maxWait, "another process holds it");
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(pollNanos, left));
            }
            return new FileLease(file, local, channel, lock, nextFencingToken(channel));
        } catch (IOException e) {
            release(local, channel);
            throw cannotLock(account, FilePermissions.describe(e), e);
        } catch (OverlappingFileLockException e) {
            release(local, channel);
            throw cannotLock(account, "code of this process other than FileSessionLease holds a lock on it", e);
        } catch (InterruptedException | RuntimeException e) {
            release(local, channel);
            throw e;
        }
    }

    /** The account's lock file under the directory's real path (created when missing), the key of its permit. */
    private Path realLockFile(ClientCode account) {
        try {
            FilePermissions.ensureDirectory(directory);
            VaultPaths.checkDirectory(directory);
            return directory.toRealPath().resolve(lockFile(account).getFileName());
        } catch (IOException e) {
            throw cannotLock(account, FilePermissions.describe(e), e);
        }
    }

    private SessionStoreException cannotLock(ClientCode account, String why, Exception cause) {
        return new SessionStoreException("cannot lock " + lockFile(account) + " for the renewal of " + account + ": "
                + why, null, cause);
    }

    Path lockFile(ClientCode account) {
        return directory.resolve(account.value() + ".lock");
    }

    private static long nextFencingToken(FileChannel channel) throws IOException {
        long next = grantCounter(channel) + 1;
        ByteBuffer out = ByteBuffer.allocate(Long.BYTES).putLong(0, next);
        while (out.hasRemaining()) {
            channel.write(out, out.position());
        }
        channel.force(false);
        return next;
    }

    /** The newest grant's fencing token kept in an open lock file: its first 8 bytes, 0 when shorter. */
    static long grantCounter(FileChannel channel) throws IOException {
        ByteBuffer stored = ByteBuffer.allocate(Long.BYTES);
        while (stored.hasRemaining() && channel.read(stored, stored.position()) > 0) {
            // read until 8 bytes or the end
        }
        return stored.hasRemaining() ? 0 : Math.max(0, stored.getLong(0));
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

    /** A granted lease; package-visible so that the store can tell a lease that holds its lock file. */
    static final class FileLease implements Lease {

        private final Path file;
        private final Semaphore local;
        private final FileChannel channel;
        private final FileLock lock;
        private final long fencingToken;
        private final AtomicBoolean released = new AtomicBoolean();

        FileLease(Path file, Semaphore local, FileChannel channel, FileLock lock, long fencingToken) {
            this.file = file;
            this.local = local;
            this.channel = channel;
            this.lock = lock;
            this.fencingToken = fencingToken;
        }

        @Override
        public long fencingToken() {
            return fencingToken;
        }

        /** Whether this lease still holds the lock of {@code realLockFile} (a real path, as the permits are keyed). */
        boolean holds(Path realLockFile) {
            return !released.get() && lock.isValid() && file.equals(realLockFile);
        }

        /** The grant counter in the lock file, read through this lease's own channel (no other descriptor). */
        long storedCounter() throws IOException {
            return grantCounter(channel);
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
