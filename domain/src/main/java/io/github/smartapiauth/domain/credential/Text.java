package io.github.smartapiauth.domain.credential;

import io.github.smartapiauth.domain.secret.Redacted;
import io.github.smartapiauth.domain.secret.Redacted.CharPredicate;

/** Validation shared by the text credentials; messages name the problem, never the value. */
final class Text {

    private Text() {
    }

    static char[] validated(CharSequence value, String what, int maxLength, CharPredicate allowed, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing; expected " + expected);
        }
        if (value.length() == 0) {
            throw new IllegalArgumentException(what + " is empty; expected " + expected);
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is " + value.length()
                    + " characters long; expected at most " + maxLength + ", " + expected);
        }
        int bad = Redacted.firstInvalidPosition(value, allowed);
        if (bad >= 0) {
            throw new IllegalArgumentException(what + " has " + Redacted.describeCharacter(value.charAt(bad))
                    + " at position " + (bad + 1) + "; expected " + expected);
        }
        char[] chars = new char[value.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = value.charAt(i);
        }
        return chars;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
