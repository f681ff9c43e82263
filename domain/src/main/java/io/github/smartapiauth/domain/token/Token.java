package io.github.smartapiauth.domain.token;

import io.github.smartapiauth.domain.secret.Redacted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A bearer token issued by SmartAPI. Tokens travel through HTTP and JSON code as strings, so
 * the value is held as one (copying it into a wipeable array would be theatre); {@link #wipe()}
 * drops the reference. Redacted in {@link #toString()}, compared in constant time.
 */
public abstract class Token {

    static final int MAX_LENGTH = 16 * 1024;

    private String value;

    Token(String value, String what) {
        this.value = validated(value, what);
    }

    private static String validated(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing or empty; expected the token text from SmartAPI");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; expected at most "
                    + MAX_LENGTH);
        }
        int bad = Redacted.firstInvalidPosition(value, c -> c > 0x20 && c < 0x7f);
        if (bad >= 0) {
            String hint = value.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? "; pass the token without the 'Bearer ' prefix"
                    : "; expected printable ASCII without spaces";
            throw new IllegalArgumentException(what + " has " + Redacted.describeCharacter(value.charAt(bad))
                    + " at position " + (bad + 1) + hint);
        }
        return value;
    }

    /** The token text, for the one header or body that needs it. */
    public final String value() {
        String current = value;
        if (current == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " was wiped and can no longer be read");
        }
        return current;
    }

    /** Forgets the value; later reads fail. */
    public final void wipe() {
        value = null;
    }

    public final boolean isWiped() {
        return value == null;
    }

    /** Constant-time comparison of the values; a wiped token equals no other token. */
    public final boolean sameValueAs(Token other) {
        String mine = value;
        String theirs = other == null ? null : other.value;
        if (mine == null || theirs == null || other.getClass() != getClass()) {
            return false;
        }
        return MessageDigest.isEqual(mine.getBytes(StandardCharsets.US_ASCII), theirs.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public final boolean equals(Object other) {
        return this == other || (other instanceof Token && sameValueAs((Token) other));
    }

    @Override
    public final int hashCode() {
        return getClass().getName().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }
}
