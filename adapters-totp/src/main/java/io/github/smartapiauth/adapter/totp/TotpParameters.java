package io.github.smartapiauth.adapter.totp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How codes are computed from the secret (RFC 6238): the HMAC, the number of digits, the step
 * length X and the start T0. A value object: a wrong value is a programming error and throws
 * {@link IllegalArgumentException}; text from configuration is checked (with
 * {@code ConfigurationException}) by the importer and loader before it gets here.
 *
 * @param algorithm the HMAC (SmartAPI: SHA1)
 * @param digits 6 to 8 (SmartAPI: 6)
 * @param period the step length X, a whole number of seconds, at least 1 (SmartAPI: 30 s)
 * @param t0 the start of step 0, a whole second (SmartAPI: the Unix epoch)
 */
public record TotpParameters(TotpAlgorithm algorithm, int digits, Duration period, Instant t0) {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm is required");
        Objects.requireNonNull(period, "period is required");
        Objects.requireNonNull(t0, "t0 is required");
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("a TOTP code has " + digits + " digits here; expected 6 to 8");
        }
        if (period.isNegative() || period.isZero() || period.getNano() != 0) {
            throw new IllegalArgumentException("the TOTP period is " + period
                    + "; expected a whole number of seconds, at least 1");
        }
        if (t0.getNano() != 0) {
            throw new IllegalArgumentException("T0 is " + t0 + "; expected a whole second");
        }
    }

    /** SmartAPI's setting: HMAC-SHA1, 6 digits, 30-second steps from the epoch. */
    public static TotpParameters smartApi() {
        return new TotpParameters(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30), Instant.EPOCH);
    }

    public static TotpParameters of(TotpAlgorithm algorithm, int digits, long periodSeconds) {
        return new TotpParameters(algorithm, digits, Duration.ofSeconds(periodSeconds), Instant.EPOCH);
    }

    /** The step number {@code T = floor((t - T0) / X)}: 64 bits, right before T0 and after 2038. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() - t0.getEpochSecond(), period.getSeconds());
    }

    public TotpParameters withDigits(int newDigits) {
        return new TotpParameters(algorithm, newDigits, period, t0);
    }

    public TotpParameters withT0(Instant newT0) {
        return new TotpParameters(algorithm, digits, period, newT0);
    }
}
