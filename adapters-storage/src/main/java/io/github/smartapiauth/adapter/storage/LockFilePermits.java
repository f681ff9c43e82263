package io.github.smartapiauth.adapter.storage;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * One fair permit per lock file for the whole JVM, keyed by the file's real path, so that every
 * {@link FileSessionLease} of the process (however it spells the directory) takes turns on the
 * file before touching its JVM-wide {@link java.nio.channels.FileLock}. A permit is kept for the
 * life of the JVM: one small object per account and directory.
 */
final class LockFilePermits {

    private static final ConcurrentMap<Path, Semaphore> PERMITS = new ConcurrentHashMap<>();

    private LockFilePermits() {
    }

    /** The permit of the lock file at {@code realPath}, which must be absolute and free of links and dots. */
    static Semaphore of(Path realPath) {
        return PERMITS.computeIfAbsent(realPath, any -> new Semaphore(1, true));
    }
}
