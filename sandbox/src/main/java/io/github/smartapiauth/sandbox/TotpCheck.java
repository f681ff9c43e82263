package io.github.smartapiauth.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one account's TOTP codes: one step of drift either way, and each step's code
 * accepted once, so a replayed code fails like a wrong one.
 */
final class TotpCheck {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final int DRIFT_STEPS = 1;

    private final byte[] key;
    private final Set<Long> usedSteps = new HashSet<>();

    TotpCheck(String base32Secret) {
        this.key = Base32.decode(base32Secret);
    }

    synchronized boolean accept(String code, Instant now) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            return false;
        }
        long current = Totp.step(now.getEpochSecond());
        usedSteps.removeIf(step -> step < current - DRIFT_STEPS);
        byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected = Totp.code(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, offered)) {
                return usedSteps.add(step);
            }
        }
        return false;
    }
}
