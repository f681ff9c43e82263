package io.github.smartapiauth.domain.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret held as bytes: redacted in {@link #toString()}, compared in constant time, and
 * wipeable. Subclasses validate their input before calling this constructor and never put
 * the value into an exception message.
 */
public abstract class Secret {

    private final byte[] bytes;
    private volatile boolean wiped;

    /** Takes a copy of {@code value}; the caller keeps ownership of (and may wipe) its array. */
    protected Secret(byte[] value) {
        this.bytes = value.clone();
    }

    protected Secret(char[] asciiValue) {
        this.bytes = new byte[asciiValue.length];
        for (int i = 0; i < asciiValue.length; i++) {
            bytes[i] = (byte) asciiValue[i];
        }
    }

    /** The value as text. Each call makes a new {@code String}: keep its lifetime short. */
    public final String reveal() {
        return new String(checkedBytes(), StandardCharsets.US_ASCII);
    }

    /** A copy of the raw bytes; the caller should wipe it after use. */
    public final byte[] revealBytes() {
        return checkedBytes().clone();
    }

    public final int length() {
        return bytes.length;
    }

    /** Overwrites the value with zeros; later reads fail. Idempotent. */
    public final void wipe() {
        wiped = true;
        Arrays.fill(bytes, (byte) 0);
    }

    public final boolean isWiped() {
        return wiped;
    }

    private byte[] checkedBytes() {
        if (wiped) {
            throw new IllegalStateException(kind() + " was wiped and can no longer be read");
        }
        return bytes;
    }

    /** A short human name for messages, e.g. "the API key". */
    protected abstract String kind();

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        return MessageDigest.isEqual(bytes, ((Secret) other).bytes);
    }

    /** Depends on the type and length only, so hashing leaks nothing about the value. */
    @Override
    public final int hashCode() {
        return getClass().getName().hashCode() * 31 + bytes.length;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }
}
