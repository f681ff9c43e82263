package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.domain.session.Session;
import java.security.SecureRandom;
import java.util.Arrays;

/** A session to and from the bytes of a vault file: header, then AES-256-GCM over the session record. */
final class VaultCodec {

    private VaultCodec() {
    }

    /** What a vault held, and the key that opened it. */
    record Opened(Session session, KeyRing.Key key) {
    }

    static byte[] seal(Session session, KeyRing.Key key, SecureRandom random) {
        byte[] plaintext = SessionCodec.encode(session);
        try {
            byte[] nonce = new byte[VaultHeader.NONCE_LENGTH];
            random.nextBytes(nonce);
            VaultHeader header = new VaultHeader(key.spec(), key.id(), nonce, plaintext.length + VaultHeader.TAG_LENGTH);
            byte[] headerBytes = header.encode();
            byte[] ciphertext = VaultCipher.seal(key.bytes(), nonce, headerBytes, plaintext);
            byte[] file = Arrays.copyOf(headerBytes, headerBytes.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, file, headerBytes.length, ciphertext.length);
            return file;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Checks the header, then derives (or takes the cached) key, then decrypts and parses.
     *
     * @throws VaultException with the likely cause
     */
    static Opened open(byte[] file, KeyRing keys) {
        VaultHeader header = VaultHeader.parse(file);
        KeyRing.Key key = keys.keyFor(header.kdf());
        if (!header.keyIdMatches(key.id())) {
            throw new VaultException(VaultException.Kind.WRONG_KEY, "wrong passphrase or key file, or the file was"
                    + " modified (the key does not match the one the vault was written with)");
        }
        int headerLength = header.length();
        byte[] headerBytes = Arrays.copyOf(file, headerLength);
        byte[] ciphertext = Arrays.copyOfRange(file, headerLength, file.length);
        byte[] plaintext;
        try {
            plaintext = VaultCipher.open(key.bytes(), header.nonce(), headerBytes, ciphertext);
        } catch (VaultException e) {
            throw new VaultException(VaultException.Kind.AUTHENTICATION, "wrong passphrase or the file was modified"
                    + " (its authentication tag does not match)");
        }
        try {
            return new Opened(SessionCodec.decode(plaintext), key);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
