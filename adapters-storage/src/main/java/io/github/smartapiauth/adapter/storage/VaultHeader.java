package io.github.smartapiauth.adapter.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The clear-text start of a vault file; all of its bytes are the GCM associated data.
 * Layout in {@code docs/vault-format.md}. {@link #parse} checks every field before any
 * key derivation or decryption happens.
 */
record VaultHeader(KdfSpec kdf, byte[] keyId, byte[] nonce, int ciphertextLength) {

    static final byte[] MAGIC = "SAAVAULT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int CIPHER_AES_256_GCM = 1;
    static final int KEY_ID_LENGTH = 8;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    /** Far above three 16 KiB tokens; bounds what a hostile length field can make a reader accept. */
    static final int MAX_CIPHERTEXT_LENGTH = 1024 * 1024;
    static final int MAX_FILE_LENGTH = 128 + MAX_CIPHERTEXT_LENGTH;

    VaultHeader {
        if (keyId.length != KEY_ID_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("key id and nonce must have " + KEY_ID_LENGTH + " and " + NONCE_LENGTH
                    + " bytes");
        }
        if (ciphertextLength < TAG_LENGTH || ciphertextLength > MAX_CIPHERTEXT_LENGTH) {
            throw new IllegalArgumentException("ciphertext length " + ciphertextLength + " is out of range");
        }
        keyId = keyId.clone();
        nonce = nonce.clone();
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    boolean keyIdMatches(byte[] other) {
        return java.security.MessageDigest.isEqual(keyId, other);
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(length());
        out.put(MAGIC).put((byte) VERSION).put((byte) CIPHER_AES_256_GCM).put((byte) kdf.id());
        if (kdf instanceof KdfSpec.Argon2id argon) {
            Argon2idParameters cost = argon.parameters();
            out.putInt(cost.memoryKiB()).putInt(cost.iterations()).putInt(cost.parallelism());
            out.put((byte) KdfSpec.SALT_LENGTH).put(argon.salt());
        }
        out.put(keyId).put((byte) NONCE_LENGTH).put(nonce).putInt(ciphertextLength);
        return out.array();
    }

    int length() {
        int kdfBlock = kdf instanceof KdfSpec.Argon2id ? 12 + 1 + KdfSpec.SALT_LENGTH : 0;
        return MAGIC.length + 3 + kdfBlock + KEY_ID_LENGTH + 1 + NONCE_LENGTH + 4;
    }

    /**
     * Reads and checks the header at the start of {@code file}, and that exactly
     * {@code ciphertextLength} bytes follow it.
     *
     * @throws VaultException naming the first field that is wrong
     */
    static VaultHeader parse(byte[] file) {
        if (file.length == 0) {
            throw new VaultException(VaultException.Kind.EMPTY, "the file is empty");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VaultException(VaultException.Kind.FOREIGN,
                        "it is not a smartapi-auth vault (it does not start with the bytes \"SAAVAULT\")");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new VaultException(VaultException.Kind.UNSUPPORTED, "it is in vault format version " + version
                        + ", and this version of smartapi-auth reads only version " + VERSION
                        + " (was it written by a newer smartapi-auth?)");
            }
            int cipher = Byte.toUnsignedInt(in.get());
            if (cipher != CIPHER_AES_256_GCM) {
                throw new VaultException(VaultException.Kind.UNSUPPORTED, "it names cipher id " + cipher
                        + ", which this version does not know (only 1, AES-256-GCM)");
            }
            KdfSpec kdf = readKdf(in);
            byte[] keyId = new byte[KEY_ID_LENGTH];
            in.get(keyId);
            int nonceLength = Byte.toUnsignedInt(in.get());
            if (nonceLength != NONCE_LENGTH) {
                throw new VaultException(VaultException.Kind.MALFORMED, "its nonce length is " + nonceLength
                        + "; expected " + NONCE_LENGTH);
            }
            byte[] nonce = new byte[NONCE_LENGTH];
            in.get(nonce);
            long ciphertextLength = Integer.toUnsignedLong(in.getInt());
            if (ciphertextLength < TAG_LENGTH || ciphertextLength > MAX_CIPHERTEXT_LENGTH) {
                throw new VaultException(VaultException.Kind.MALFORMED, "its ciphertext length field says "
                        + ciphertextLength + " bytes; expected " + TAG_LENGTH + " to " + MAX_CIPHERTEXT_LENGTH);
            }
            if (in.remaining() != ciphertextLength) {
                throw new VaultException(in.remaining() < ciphertextLength ? VaultException.Kind.TRUNCATED
                        : VaultException.Kind.MALFORMED, "it has " + in.remaining()
                        + " bytes after the header where the header announces " + ciphertextLength);
            }
            return new VaultHeader(kdf, keyId, nonce, (int) ciphertextLength);
        } catch (BufferUnderflowException e) {
            throw new VaultException(VaultException.Kind.TRUNCATED, "it ends inside the header after " + file.length
                    + " bytes");
        }
    }

    private static KdfSpec readKdf(ByteBuffer in) {
        int id = Byte.toUnsignedInt(in.get());
        if (id == KdfSpec.KeyFile.ID) {
            return new KdfSpec.KeyFile();
        }
        if (id != KdfSpec.Argon2id.ID) {
            throw new VaultException(VaultException.Kind.UNSUPPORTED, "it names key derivation id " + id
                    + ", which this version does not know (0 = key file, 1 = Argon2id)");
        }
        long memory = Integer.toUnsignedLong(in.getInt());
        long iterations = Integer.toUnsignedLong(in.getInt());
        long parallelism = Integer.toUnsignedLong(in.getInt());
        String problem = Argon2idParameters.problemWith(memory, iterations, parallelism);
        if (problem != null) {
            throw new VaultException(VaultException.Kind.HOSTILE_KDF, "its header asks for " + problem
                    + "; refusing to derive a key with it");
        }
        int saltLength = Byte.toUnsignedInt(in.get());
        if (saltLength != KdfSpec.SALT_LENGTH) {
            throw new VaultException(VaultException.Kind.MALFORMED, "its salt length is " + saltLength + "; expected "
                    + KdfSpec.SALT_LENGTH);
        }
        byte[] salt = new byte[KdfSpec.SALT_LENGTH];
        in.get(salt);
        return new KdfSpec.Argon2id(new Argon2idParameters((int) memory, (int) iterations, (int) parallelism), salt);
    }
}
