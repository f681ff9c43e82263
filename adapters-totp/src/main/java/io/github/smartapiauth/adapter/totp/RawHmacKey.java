package io.github.smartapiauth.adapter.totp;

import javax.crypto.SecretKey;

/**
 * Hands the caller's array to {@link javax.crypto.Mac#init} without the extra copy that a
 * {@code SecretKeySpec} would keep alive (its copy cannot be wiped before JDK 19). The JDK's
 * HMAC takes {@link #getEncoded()}'s copy and wipes it itself.
 */
final class RawHmacKey implements SecretKey {

    private static final long serialVersionUID = 1L;

    private final transient byte[] key;
    private final String algorithm;

    RawHmacKey(byte[] key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "RawHmacKey[redacted]";
    }
}
