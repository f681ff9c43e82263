package io.github.smartapiauth.adapter.storage;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 128-bit tag over the JDK's provider. The JDK's GCM decryption buffers
 * the whole ciphertext and releases plaintext only after the tag verified (unlike BC's
 * low-level {@code GCMBlockCipher}), and it uses the CPU's AES and carry-less multiply
 * instructions; Bouncy Castle is used for Argon2id, which the JDK lacks.
 */
final class VaultCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private VaultCipher() {
    }

    /** Ciphertext followed by the tag. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] header, byte[] plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /**
     * The plaintext, only when the tag over the header and ciphertext verifies.
     *
     * @throws VaultException of kind AUTHENTICATION when it does not
     */
    static byte[] open(byte[] key, byte[] nonce, byte[] header, byte[] ciphertext) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new VaultException(VaultException.Kind.AUTHENTICATION, "its authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(VaultHeader.TAG_LENGTH * 8, nonce));
        return cipher;
    }
}
