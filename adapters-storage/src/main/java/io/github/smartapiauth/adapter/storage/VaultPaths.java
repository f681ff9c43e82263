package io.github.smartapiauth.adapter.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * What the vault directory and the files in it must be before smartapi-auth reads, writes or
 * locks anything there, as ssh treats {@code ~/.ssh}: the directory owned by this user and
 * writable by nobody else (so no one else can plant, swap or redirect a file in it), and each
 * vault or lock file a regular file of this user's, never followed through a symbolic link
 * (a planted link would make a login write where the link points) and never a named pipe
 * (reading one blocks forever). Owner checks apply where the file system has POSIX owners.
 */
final class VaultPaths {

    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Optional<UserPrincipal> ME = currentUser();

    private VaultPaths() {
    }

    /** Refuses an existing directory (or the directory a link points at) that others own or can write; a missing one passes. */
    static void checkDirectory(Path directory) throws IOException {
        if (!FilePermissions.posix(directory)) {
            return;
        }
        PosixFileAttributes attributes;
        Path real;
        try {
            attributes = Files.readAttributes(directory, PosixFileAttributes.class);
            real = directory.toRealPath();
        } catch (NoSuchFileException missing) {
            return;
        }
        String shown = real.equals(directory) ? directory.toString() : directory + " (a link to " + real + ")";
        if (!attributes.isDirectory()) {
            throw new UnsafePathException("the vault directory " + shown + " is not a directory; point the store at a"
                    + " directory of its own");
        }
        if (!mine(attributes)) {
            throw new UnsafePathException("the vault directory " + shown + " belongs to " + attributes.owner().getName()
                    + ", not to " + ME.map(UserPrincipal::getName).orElse("this user") + "; its owner could plant or"
                    + " swap files in it. Use a directory of your own (the default is ~/.smartapi-auth)");
        }
        if (attributes.permissions().stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
            throw new UnsafePathException("the vault directory " + shown + " can be written by other users ("
                    + PosixFilePermissions.toString(attributes.permissions()) + "), who could plant links or swap files"
                    + " in it; make it owner-only: chmod 700 " + real);
        }
    }

    /**
     * Checks a vault or lock file without following links.
     *
     * @return false when there is no such file (not even a dangling link)
     * @throws UnsafePathException when it is a link, not a regular file, or another user's
     */
    static boolean checkFile(Path file) throws IOException {
        boolean posix = FilePermissions.posix(file);
        BasicFileAttributes attributes;
        try {
            attributes = posix ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return false;
        }
        if (attributes.isSymbolicLink()) {
            throw new UnsafePathException(file + " is a symbolic link; smartapi-auth never follows links in the vault"
                    + " directory, where one could send its writes to another file. Delete the link ("
                    + "rm " + file + "); the file is created again when needed");
        }
        if (!attributes.isRegularFile()) {
            throw new UnsafePathException(file + " is not a regular file (" + kind(attributes) + "); reading it could"
                    + " block forever or read a device. Move it away; the file is created again when needed");
        }
        if (posix && !mine((PosixFileAttributes) attributes)) {
            throw new UnsafePathException(file + " belongs to " + ((PosixFileAttributes) attributes).owner().getName()
                    + ", not to " + ME.map(UserPrincipal::getName).orElse("this user") + "; smartapi-auth uses only its"
                    + " user's own files. Move it away, or give it to this user (chown)");
        }
        return true;
    }

    private static String kind(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? "a directory" : "a named pipe, socket or device";
    }

    private static boolean mine(PosixFileAttributes attributes) {
        return ME.map(me -> me.equals(attributes.owner())).orElse(true);
    }

    /** This process's user, when the system can name it; without it, owner checks are skipped. */
    private static Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
