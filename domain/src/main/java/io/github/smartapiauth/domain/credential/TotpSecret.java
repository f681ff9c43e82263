package io.github.smartapiauth.domain.credential;

import io.github.smartapiauth.domain.secret.Secret;

/**
 * The shared key behind the account's TOTP codes, as raw bytes (decode the base32 text shown
 * at enrolment first). RFC 4226 asks for at least 128 bits; anything under 80 bits is refused.
 */
public final class TotpSecret extends Secret {

    public static final int MIN_BYTES = 10;
    public static final int MAX_BYTES = 128;

    private TotpSecret(byte[] key) {
        super(key);
    }

    /** Copies {@code key}; the caller may wipe its array afterwards. */
    public static TotpSecret of(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("the TOTP secret is missing; expected the base32 key shown"
                    + " when TOTP was enabled for the account");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the TOTP secret is " + key.length * 8
                    + " bits long; expected at least 80 bits (16 base32 characters); check that the whole key was copied");
        }
        if (key.length > MAX_BYTES) {
            throw new IllegalArgumentException("the TOTP secret is " + key.length * 8
                    + " bits long; expected at most 1024 bits; check that only the key was copied");
        }
        return new TotpSecret(key);
    }

    @Override
    protected String kind() {
        return "the TOTP secret";
    }
}
