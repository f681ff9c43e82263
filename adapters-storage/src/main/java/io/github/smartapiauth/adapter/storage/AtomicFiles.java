package io.github.smartapiauth.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole-file reads with a size bound, and replacements that a crash cannot half-finish: an
 * owner-only temp file in the same directory, written and forced to disk, atomically moved
 * over the target, then the directory forced so that the rename itself survives a power cut.
 */
final class AtomicFiles {

    /** Writes the bytes into the temp file's channel; a seam for tests of a full disk. */
    interface Writer {
        void write(FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    static final Writer CHANNEL = (channel, bytes) -> {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    };

    private final Writer writer;

    AtomicFiles(Writer writer) {
        this.writer = writer;
    }

    /**
     * The file's bytes, or empty when there is no such file. Never through a symbolic link, and only
     * from a regular file of this user's ({@link VaultPaths#checkFile}).
     *
     * @throws TooLargeException when it is longer than {@code maxLength}
     * @throws UnsafePathException when it is a link, not a regular file, or another user's
     */
    Optional<byte[]> read(Path file, int maxLength) throws IOException {
        if (!VaultPaths.checkFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxLength) {
                throw new TooLargeException(size);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or the end
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                throw new TooLargeException(channel.size());
            }
            return Optional.of(buffer.hasRemaining() ? java.util.Arrays.copyOf(buffer.array(), buffer.position())
                    : buffer.array());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void replace(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
                FilePermissions.ownerOnlyFile(directory));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.write(channel, ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Deletes the temp files that interrupted replacements of {@code target} left behind (a process
     * killed between creating its temp file and renaming it), when they were last written before
     * {@code writtenBefore}: a replacement still running writes its temp file within moments of
     * creating it, so an older one belongs to no live write. Only regular files named as
     * {@link #replace} names them are touched; links are never followed.
     *
     * @return how many were deleted
     */
    int removeStaleTemps(Path target, Instant writtenBefore) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Pattern name = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9]{1,20}\\.tmp");
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory,
                path -> name.matcher(path.getFileName().toString()).matches())) {
            for (Path temp : temps) {
                BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(writtenBefore)
                        && Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            forceDirectory(directory);
        }
        return removed;
    }

    /** Deletes the file if present; true when there was one. */
    boolean delete(Path target) throws IOException {
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            forceDirectory(target.toAbsolutePath().getParent());
        }
        return deleted;
    }

    /** Makes a rename durable; skipped where directories cannot be opened (Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException unsupported) {
            // Not every platform can open or sync a directory; the rename is still atomic there.
        }
    }

    /** The file is larger than any vault. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long size;

        TooLargeException(long size) {
            super("the file has " + size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
