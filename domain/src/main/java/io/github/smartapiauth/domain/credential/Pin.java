package io.github.smartapiauth.domain.credential;

import io.github.smartapiauth.domain.secret.Secret;
import java.nio.CharBuffer;
import java.util.Arrays;

/** The account's 4-digit MPIN, sent in the login body's {@code password} field. */
public final class Pin extends Secret {

    static final int LENGTH = 4;
    private static final String EXPECTED = "exactly 4 ASCII digits: the MPIN, not the web password"
            + " (SmartAPI rejects passwords with AB7001)";

    private Pin(char[] digits) {
        super(digits);
    }

    public static Pin of(CharSequence value) {
        char[] chars = Text.validated(value, "the MPIN", LENGTH, Text::isAsciiDigit, EXPECTED);
        try {
            if (chars.length != LENGTH) {
                throw new IllegalArgumentException("the MPIN has " + chars.length + " digits; expected " + EXPECTED);
            }
            return new Pin(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Reads the MPIN from a char array (e.g. a console prompt); the caller wipes its array. */
    public static Pin of(char[] value) {
        return of(value == null ? null : CharBuffer.wrap(value));
    }

    @Override
    protected String kind() {
        return "the MPIN";
    }
}
