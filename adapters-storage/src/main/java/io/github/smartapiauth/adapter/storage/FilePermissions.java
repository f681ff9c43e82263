package io.github.smartapiauth.adapter.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Owner-only files and directories where the file system has POSIX permissions; nothing elsewhere. */
final class FilePermissions {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    static boolean posix(Path anyPathOnTheFileSystem) {
        return anyPathOnTheFileSystem.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static FileAttribute<?>[] ownerOnlyFile(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** The permissions, or {@code null} when the file system has none. */
    static Set<PosixFilePermission> posixPermissions(Path path) throws IOException {
        return posix(path) ? Files.getFileAttributeView(path, PosixFileAttributeView.class).readAttributes().permissions()
                : null;
    }

    /** Creates {@code directory} (and missing parents) owner-only when missing; leaves an existing one alone. */
    static void ensureDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            // The umask may have taken bits away; owner-only is what we want whatever it says.
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        } else {
            Files.createDirectories(directory);
        }
    }

    /** A short, secret-free likely cause of an I/O failure. */
    static String describe(IOException e) {
        if (e instanceof UnsafePathException) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason != null && reason.contains("No space left")) {
            return "the disk is full (" + reason + ")";
        }
        return reason == null ? e.getClass().getSimpleName() : reason;
    }
}
