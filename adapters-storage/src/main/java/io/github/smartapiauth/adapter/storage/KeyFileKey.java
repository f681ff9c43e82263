package io.github.smartapiauth.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** A random 32-byte key kept in an owner-only file, for unattended servers; read once, on first use. */
final class KeyFileKey implements KeyMaterial {

    static final int KEY_LENGTH = 32;
    /** The base64 of 32 bytes is 44 characters; room for a line end and stray white space. */
    private static final int MAX_BASE64_LENGTH = 128;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private final Path file;
    private byte[] key;

    KeyFileKey(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public KdfSpec newSpec(SecureRandom random) {
        return new KdfSpec.KeyFile();
    }

    @Override
    public synchronized byte[] derive(KdfSpec spec) {
        if (!(spec instanceof KdfSpec.KeyFile)) {
            throw new VaultException(VaultException.Kind.KEY,
                    "it was encrypted with a passphrase, and this store is configured with the key file " + file);
        }
        if (key == null) {
            key = read();
        }
        return key.clone();
    }

    @Override
    public boolean writesWith(KdfSpec spec) {
        return spec instanceof KdfSpec.KeyFile;
    }

    @Override
    public String describe() {
        return "the key file " + file;
    }

    @Override
    public synchronized void wipe() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The one rule for key files (the Redis key file's too): exactly 32 raw bytes, or the base64 (standard
     * or URL-safe) of 32 bytes with white space around it.
     */
    private byte[] fromBase64(byte[] content) {
        int size = content.length;
        String text = new String(content, java.nio.charset.StandardCharsets.US_ASCII).strip();
        Arrays.fill(content, (byte) 0);
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? java.util.Base64.getUrlDecoder().decode(text)
                    : java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " has " + size + " bytes, neither "
                    + KEY_LENGTH + " raw bytes nor the base64 of " + KEY_LENGTH + " bytes (make one with: smartapi-auth"
                    + " vault keygen FILE)");
        }
        if (key.length != KEY_LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " decodes to " + key.length
                    + " bytes; a vault key is " + KEY_LENGTH + " bytes (make one with: smartapi-auth vault keygen FILE)");
        }
        return key;
    }

    private byte[] read() {
        try {
            Set<PosixFilePermission> permissions = FilePermissions.posixPermissions(file);
            if (permissions != null && permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " may be read by others ("
                        + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                        + "); make it owner-only (chmod 600) and check that nobody copied it");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() > MAX_BASE64_LENGTH) {
                    throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " has " + channel.size()
                            + " bytes; a vault key file holds " + KEY_LENGTH + " random bytes, or their base64");
                }
                ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read until full
                }
                if (buffer.hasRemaining()) {
                    throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " shrank while it was read");
                }
                byte[] content = buffer.array();
                return content.length == KEY_LENGTH ? content : fromBase64(content);
            }
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.KEY, "the key file " + file + " cannot be read ("
                    + FilePermissions.describe(e) + ")", e);
        }
    }
}
