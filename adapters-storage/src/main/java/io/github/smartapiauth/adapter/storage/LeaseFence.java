package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The fencing check of a {@link FileSessionStore} write: the write's lease must not be older than
 * the newest grant of the account's {@link FileSessionLease}, whose counter is the first 8 bytes
 * (big-endian) of {@code <directory>/<CLIENT>.lock}; a missing lock file counts as 0. While the
 * fence is open, no newer grant can happen, so the check and the write are one step; closing it
 * lets grants go on.
 *
 * <p>How it reads the counter, cheaply and without disturbing a lease: a {@code FileLock} belongs
 * to the whole JVM and closing <em>any</em> descriptor of the file drops it (POSIX), so the store
 * never opens the lock file while a thread of this JVM may hold its lock.
 * <ul>
 *   <li>The lease holds the file's lock (the core saves and deletes under the lease it holds): no
 *       other grant can happen while it does; the counter is read through the lease's own channel.
 *   <li>Otherwise (a lease released before the write, or one of another lease port): the file's
 *       JVM-wide permit is taken without waiting, so no thread of this JVM holds or takes the lock;
 *       if a thread does, a newer renewer holds the lease and the write is refused. The file is then
 *       opened for reading only, never through a link, checked to be a regular file of this user,
 *       and held under a shared lock until the write is done, so another process cannot be granted
 *       the lease meanwhile; when another process holds it, the write is refused too.
 * </ul>
 */
final class LeaseFence implements AutoCloseable {

    private static final LeaseFence NOTHING_HELD = new LeaseFence(null, null);

    private final Semaphore permit;
    private final FileChannel channel;

    private LeaseFence(Semaphore permit, FileChannel channel) {
        this.permit = permit;
        this.channel = channel;
    }

    /**
     * Checks that {@code lease} may write {@code account}'s vault in {@code directory} ("saved" or
     * "deleted" in the refusal).
     *
     * @throws SessionStoreException when a newer renewer was granted the lease, or the lock file
     *     cannot be read safely
     */
    static LeaseFence check(Path directory, ClientCode account, Lease lease, String what) {
        long token = Objects.requireNonNull(lease, "lease").fencingToken();
        Path file;
        try {
            file = directory.toRealPath().resolve(account.value() + ".lock");
        } catch (NoSuchFileException noDirectory) {
            return NOTHING_HELD; // no lease was ever granted in a directory that is not there
        } catch (IOException e) {
            throw unreadable(directory, account, FilePermissions.describe(e), e);
        }
        if (lease instanceof FileSessionLease.FileLease held && held.holds(file)) {
            try {
                refuseIfOlder(account, token, held.storedCounter(), file, what);
            } catch (IOException e) {
                throw unreadable(file, account, FilePermissions.describe(e), e);
            }
            return NOTHING_HELD;
        }
        Semaphore permit = LockFilePermits.of(file);
        if (!permit.tryAcquire()) {
            throw fencedOut(account, token, what, "a thread of this process holds or is taking the lease ("
                    + file + ")");
        }
        FileChannel channel = null;
        try {
            if (!VaultPaths.checkFile(file)) {
                return new LeaseFence(permit, null); // never granted: the counter is 0
            }
            channel = FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            VaultPaths.checkFile(file); // what was opened is still a regular file of this user's
            FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                throw fencedOut(account, token, what, "another process holds the lease (" + file + ")");
            }
            refuseIfOlder(account, token, FileSessionLease.grantCounter(channel), file, what);
            return new LeaseFence(permit, channel);
        } catch (IOException e) {
            release(permit, channel);
            throw unreadable(file, account, FilePermissions.describe(e), e);
        } catch (OverlappingFileLockException e) {
            release(permit, channel);
            throw unreadable(file, account, "code of this process other than FileSessionLease holds a lock on it", e);
        } catch (RuntimeException e) {
            release(permit, channel);
            throw e;
        }
    }

    @Override
    public void close() {
        if (permit != null) {
            release(permit, channel);
        }
    }

    private static void refuseIfOlder(ClientCode account, long token, long newest, Path file, String what) {
        if (token < newest) {
            throw fencedOut(account, token, what, "the lease was granted again since (fencing token " + newest
                    + " in " + file + ")");
        }
    }

    private static SessionStoreException fencedOut(ClientCode account, long token, String what, String why) {
        return new SessionStoreException("the session of " + account + " was not " + what + " under its lease"
                + " (fencing token " + token + "): a newer renewer holds the lease; " + why + ". The session that"
                + " renewer saves stays");
    }

    private static SessionStoreException unreadable(Path file, ClientCode account, String why, Exception cause) {
        return new SessionStoreException("cannot check the lease of " + account + " against " + file + ": " + why
                + "; nothing was written", null, cause);
    }

    private static void release(Semaphore permit, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // drops the shared lock; no other lock of this JVM is on the file, the permit says so
            }
        } catch (IOException ignored) {
            // Closing drops the lock whatever the error.
        } finally {
            permit.release();
        }
    }
}
