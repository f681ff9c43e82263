package io.github.smartapiauth.bootstrap.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for every file that holds a secret (the properties file when it sets a secret, the
 * TOTP file, the vault key file, the Redis key file): it should be readable by its owner only, and
 * a warning says so, with the fix, when its group or other users can read it. A warning and not a
 * refusal, as for the TOTP file since the start: the secret may already be elsewhere too, and
 * refusing would stop a running deployment on an upgrade.
 */
final class SecretFiles {

    private SecretFiles() {
    }

    /** The warning for {@code file} (described as {@code what}), or empty when only its owner can read it. */
    static Optional<String> warningFor(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (e.g. Windows), or unreadable: reading it reports the latter.
            return Optional.empty();
        }
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (!group && !others) {
            return Optional.empty();
        }
        return Optional.of(what + " " + file + " holds a secret and can be read by "
                + (group && others ? "its group and all other users" : group ? "its group" : "all other users")
                + "; make it readable by its owner only: chmod 600 " + file);
    }
}
