package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.credential.TotpSecret;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * RFC 4226 HOTP / RFC 6238 TOTP codes from one secret. Thread-safe. Holds a copy of the key
 * bytes (the caller may wipe its {@link TotpSecret}); {@link #close()} wipes it. Codes are
 * built digit by digit as ASCII, so the JVM's default locale never changes them.
 *
 * <pre>{@code
 * try (TotpGenerator totp = TotpGenerator.of(secret, TotpParameters.smartApi())) {
 *     TotpCode code = totp.codeAt(clock.instant());
 * }
 * }</pre>
 */
public final class TotpGenerator implements AutoCloseable {

    private final TotpParameters parameters;
    private final PreparedMac mac;
    private final int bufferLength;
    private final int modulus;

    private TotpGenerator(byte[] key, TotpParameters parameters) {
        this.parameters = parameters;
        this.mac = PreparedMac.of(parameters.algorithm().macName(), key);
        this.bufferLength = Math.max(8, mac.macLength());
        int power = 1;
        for (int i = 0; i < parameters.digits(); i++) {
            power *= 10;
        }
        this.modulus = power;
    }

    /** A generator for {@code secret}; the secret is copied, so the caller may wipe it afterwards. */
    public static TotpGenerator of(TotpSecret secret, TotpParameters parameters) {
        Objects.requireNonNull(secret, "secret is required");
        Objects.requireNonNull(parameters, "parameters are required");
        return new TotpGenerator(secret.revealBytes(), parameters);
    }

    /** A generator for an imported or loaded key, with the key's own parameters. */
    public static TotpGenerator of(TotpKey key) {
        Objects.requireNonNull(key, "key is required");
        return of(key.secret(), key.parameters());
    }

    /** The TOTP code of the step that {@code instant} falls in. */
    public TotpCode codeAt(Instant instant) {
        return codeForCounter(parameters.stepAt(instant));
    }

    /** The HOTP code for {@code counter} (for TOTP, the step number). */
    public TotpCode codeForCounter(long counter) {
        char[] digits = digitsForCounter(counter);
        try {
            return TotpCode.of(CharBuffer.wrap(digits));
        } finally {
            Arrays.fill(digits, '0');
        }
    }

    /** The code as ASCII digits in a new array, for callers that wipe it themselves. */
    char[] digitsForCounter(long counter) {
        byte[] buffer = new byte[bufferLength];
        int value;
        try {
            mac.hmacOfCounter(counter, buffer);
            value = truncate(buffer, mac.macLength());
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
        int digitCount = parameters.digits();
        value %= modulus;
        char[] digits = new char[digitCount];
        for (int i = digitCount - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return digits;
    }

    /** RFC 4226 dynamic truncation: the offset is the low nibble of the last byte of the HMAC. */
    static int truncate(byte[] hmac, int hmacLength) {
        int offset = hmac[hmacLength - 1] & 0x0f;
        return (hmac[offset] & 0x7f) << 24
                | (hmac[offset + 1] & 0xff) << 16
                | (hmac[offset + 2] & 0xff) << 8
                | (hmac[offset + 3] & 0xff);
    }

    public TotpParameters parameters() {
        return parameters;
    }

    public boolean isClosed() {
        return mac.isClosed();
    }

    /** Wipes the key; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        mac.close();
    }

    @Override
    public String toString() {
        return "TotpGenerator[" + parameters.algorithm() + ", " + parameters.digits() + " digits, "
                + parameters.period().getSeconds() + " s steps, key redacted]";
    }
}
