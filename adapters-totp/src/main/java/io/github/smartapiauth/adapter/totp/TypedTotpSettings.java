package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.totp.TotpClock;
import java.util.Objects;

/**
 * How typed-in codes are asked for.
 *
 * @param digits how many digits a code has, 6 to 8 (SmartAPI: 6)
 * @param maxAttempts how many entries a person gets before the login gives up, at least 1
 * @param clock the steps, to show how many seconds the current code has left and to warn
 *     when it is about to change
 */
public record TypedTotpSettings(int digits, int maxAttempts, TotpClock clock) {

    public TypedTotpSettings {
        Objects.requireNonNull(clock, "clock is required");
        if (digits < TotpParameters.MIN_DIGITS || digits > TotpParameters.MAX_DIGITS) {
            throw new IllegalArgumentException("a typed TOTP code has " + digits + " digits here; expected 6 to 8");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; expected at least 1");
        }
    }

    /** 6 digits, 3 attempts, SmartAPI's 30-second steps. */
    public static TypedTotpSettings smartApi() {
        return new TypedTotpSettings(6, 3, TotpClock.smartApi());
    }
}
