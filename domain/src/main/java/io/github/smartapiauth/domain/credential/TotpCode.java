package io.github.smartapiauth.domain.credential;

import io.github.smartapiauth.domain.secret.Secret;

/** A one-time code of 6 to 8 ASCII digits, as sent in the login body's {@code totp} field. */
public final class TotpCode extends Secret {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;
    private static final String EXPECTED = "6 to 8 ASCII digits from the authenticator app";

    private TotpCode(char[] digits) {
        super(digits);
    }

    public static TotpCode of(CharSequence digits) {
        char[] chars = Text.validated(digits, "the TOTP code", MAX_DIGITS, Text::isAsciiDigit, EXPECTED);
        if (chars.length < MIN_DIGITS) {
            throw new IllegalArgumentException("the TOTP code has " + chars.length + " digits; expected " + EXPECTED);
        }
        return new TotpCode(chars);
    }

    /** A code with exactly {@code digits} digits, for inputs that must match a configured length. */
    public static TotpCode of(CharSequence value, int digits) {
        TotpCode code = of(value);
        if (code.length() != digits) {
            int length = code.length();
            code.wipe();
            throw new IllegalArgumentException("the TOTP code has " + length + " digits; expected exactly " + digits);
        }
        return code;
    }

    public int digits() {
        return length();
    }

    @Override
    protected String kind() {
        return "the TOTP code";
    }
}
