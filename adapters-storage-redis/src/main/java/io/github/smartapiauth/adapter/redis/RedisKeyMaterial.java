package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/** Reads the 32-byte session key: raw bytes, or their base64, in a file or a setting. */
public final class RedisKeyMaterial {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private RedisKeyMaterial() {
    }

    /**
     * A file of exactly 32 bytes, or of the base64 of 32 bytes (surrounding white space ignored),
     * readable by its owner only: the rule of the vault key file, so a file its group or other users
     * may read (or write) is refused.
     */
    public static byte[] fromFile(Path file) {
        refuseUnlessOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the Redis session key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (content.length == SessionSeal.KEY_LENGTH) {
            return content;
        }
        try {
            return fromBase64(new String(content, StandardCharsets.US_ASCII), "the key file " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static void refuseUnlessOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the Redis session key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new ConfigurationException("the Redis key file " + file + " may be read by others ("
                    + PosixFilePermissions.toString(permissions) + "); make it owner-only (chmod 600) and check"
                    + " that nobody copied it");
        }
    }

    /**
     * A key ring from a file (owner-only, as {@link #fromFile}): exactly 32 raw bytes (one key), or
     * one base64 key a line, the current key first, then the older keys that still open values
     * sealed before a rotation. Blank lines and lines starting with {@code #} are skipped.
     */
    public static List<byte[]> ringFromFile(Path file) {
        refuseUnlessOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the Redis session key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        try {
            if (content.length == SessionSeal.KEY_LENGTH) {
                return List.of(content.clone());
            }
            return ring(new String(content, StandardCharsets.US_ASCII).split("\\R"), "the key file " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** A key ring as base64 keys separated by commas or white space, the current key first. */
    public static List<byte[]> ringFromBase64(String text) {
        return ring(text.split("[,\\s]+"), "the Redis session key");
    }

    private static List<byte[]> ring(String[] lines, String what) {
        List<byte[]> ring = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            byte[] key = fromBase64(line, what + " (key on line " + (i + 1) + ")");
            if (!ids.add(Base64.getEncoder().encodeToString(SessionSeal.keyIdOf(key)))) {
                Arrays.fill(key, (byte) 0);
                throw new ConfigurationException(what + " holds the same key twice (line " + (i + 1) + ")");
            }
            ring.add(key);
        }
        if (ring.isEmpty()) {
            throw new ConfigurationException(what + " holds no key; expected the base64 of a 32-byte key"
                    + " (e.g. head -c 32 /dev/urandom | base64)");
        }
        return List.copyOf(ring);
    }

    /** The base64 (standard or URL-safe) of 32 bytes. */
    public static byte[] fromBase64(String text) {
        return fromBase64(text, "the Redis session key");
    }

    /** A new random key as base64, for {@code smartapi-auth}'s users to put in a file or a secret store. */
    public static String generateBase64() {
        byte[] key = new byte[SessionSeal.KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        try {
            return Base64.getEncoder().encodeToString(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] fromBase64(String text, String what) {
        String trimmed = text.strip();
        byte[] key;
        try {
            key = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(what + " is neither 32 raw bytes nor the base64 of 32 bytes");
        }
        if (key.length != SessionSeal.KEY_LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new ConfigurationException(what + " decodes to " + key.length + " bytes; a 32-byte key is needed"
                    + " (e.g. head -c 32 /dev/urandom | base64)");
        }
        return key;
    }
}
