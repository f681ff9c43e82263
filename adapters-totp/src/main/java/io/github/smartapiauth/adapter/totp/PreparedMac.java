package io.github.smartapiauth.adapter.totp;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;

/**
 * An HMAC keyed once and reused, so that a code costs one HMAC and no provider lookup.
 *
 * <p>{@code Mac.getInstance} and {@code init} run once, on a prototype that is never used to
 * compute. Each computation borrows a spare keyed {@code Mac} from a one-slot cache and gives
 * it back, so a single thread allocates no {@code Mac} at all; a thread that finds the slot
 * empty clones the prototype (cheap: it copies the keyed HMAC state, no provider lookup and
 * no key schedule), and a clone that cannot go back into the slot is scrubbed and dropped.
 * Providers whose {@code Mac} cannot be cloned get a new instance from the same provider
 * instead. {@link #close()} re-keys every reachable {@code Mac} with zeros (so the state
 * derived from the key is overwritten) and wipes the key bytes.
 */
final class PreparedMac implements AutoCloseable {

    private final String macName;
    private final byte[] key;
    private final Mac prototype;
    private final Provider provider;
    private final boolean cloneable;
    private final int macLength;
    private final AtomicReference<Mac> spare = new AtomicReference<>();
    private volatile boolean closed;

    private PreparedMac(String macName, byte[] key, boolean cloneIfPossible) {
        this.macName = macName;
        this.key = key;
        try {
            prototype = Mac.getInstance(macName);
            prototype.init(new RawHmacKey(key, macName));
        } catch (GeneralSecurityException e) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException(macName + " is not available in this JVM; every Java SE runtime has it,"
                    + " so check the security providers configured for the JVM", e);
        }
        provider = prototype.getProvider();
        macLength = prototype.getMacLength();
        Mac probe = cloneIfPossible ? tryClone() : null;
        cloneable = probe != null;
        if (cloneable) {
            spare.set(probe);
        }
    }

    /** Takes ownership of {@code key}: it is wiped on {@link #close()}. */
    static PreparedMac of(String macName, byte[] key) {
        return new PreparedMac(macName, key, true);
    }

    /** As a provider whose {@code Mac} cannot be cloned would behave; for tests of that path. */
    static PreparedMac withoutCloning(String macName, byte[] key) {
        return new PreparedMac(macName, key, false);
    }

    int macLength() {
        return macLength;
    }

    /**
     * Computes the HMAC of the 8-byte big-endian {@code counter} into {@code out}, which must
     * hold at least {@link #macLength()} bytes (its first 8 bytes are used for the message).
     */
    void hmacOfCounter(long counter, byte[] out) {
        Mac mac = borrow();
        try {
            for (int i = 7; i >= 0; i--) {
                out[i] = (byte) counter;
                counter >>>= 8;
            }
            mac.update(out, 0, 8);
            mac.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the HMAC output buffer is too small", e);
        } finally {
            giveBack(mac);
        }
        // A close() that raced with this call may have scrubbed the Mac half-way: never hand that out.
        checkOpen();
    }

    private Mac borrow() {
        checkOpen();
        Mac mac = spare.getAndSet(null);
        if (mac != null) {
            return mac;
        }
        if (cloneable) {
            Mac clone = tryClone();
            if (clone != null) {
                return clone;
            }
        }
        try {
            Mac fresh = Mac.getInstance(macName, provider);
            fresh.init(new RawHmacKey(key, macName));
            return fresh;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " could not be prepared again from " + provider.getName(), e);
        }
    }

    private void giveBack(Mac mac) {
        mac.reset();
        if (closed || !spare.compareAndSet(null, mac)) {
            scrub(mac);
        }
        if (closed) {
            Mac left = spare.getAndSet(null);
            if (left != null) {
                scrub(left);
            }
        }
    }

    private Mac tryClone() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the TOTP generator was closed and its key wiped; create a new one");
        }
    }

    private void scrub(Mac mac) {
        try {
            mac.init(new RawHmacKey(new byte[macLength], macName));
        } catch (GeneralSecurityException e) {
            // Nothing more can be done for a Mac that refuses a new key; it becomes garbage anyway.
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        Mac left = spare.getAndSet(null);
        if (left != null) {
            scrub(left);
        }
        scrub(prototype);
        Arrays.fill(key, (byte) 0);
    }
}
