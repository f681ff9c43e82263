package io.github.smartapiauth.sandbox;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 TOTP with SMARTAPI's parameters: HMAC-SHA1, 30-second steps from the epoch, 6 digits. */
final class Totp {

    static final long STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int MODULUS = 1_000_000;

    private Totp() {
    }

    static long step(long epochSecond) {
        return Math.floorDiv(epochSecond, STEP_SECONDS);
    }

    static String code(byte[] key, long step) {
        return format(truncate(hmacSha1(key, step)) % MODULUS);
    }

    /** The full 31-bit dynamic truncation value, so tests can check the 8-digit RFC vectors too. */
    static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0F;
        return ((hmac[offset] & 0x7F) << 24)
                | ((hmac[offset + 1] & 0xFF) << 16)
                | ((hmac[offset + 2] & 0xFF) << 8)
                | (hmac[offset + 3] & 0xFF);
    }

    static byte[] hmacSha1(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JDK", e);
        }
    }

    private static String format(int value) {
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", value);
    }
}
