package io.github.smartapiauth.domain.secret;

/** Helpers to describe a rejected secret without echoing it. */
public final class Redacted {

    private Redacted() {
    }

    /** Describes a character for an error message without printing it if it could be part of a secret. */
    public static String describeCharacter(char c) {
        if (Character.isWhitespace(c)) {
            return "a whitespace character";
        }
        if (Character.isISOControl(c)) {
            return "a control character";
        }
        if (c > 0x7e) {
            return "a non-ASCII character";
        }
        if (Character.isDigit(c)) {
            return "a digit";
        }
        if (Character.isLetter(c)) {
            return "a letter";
        }
        return "a symbol";
    }

    /** The index (0-based) of the first character of {@code value} that {@code allowed} rejects, or -1. */
    public static int firstInvalidPosition(CharSequence value, CharPredicate allowed) {
        for (int i = 0; i < value.length(); i++) {
            if (!allowed.test(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A predicate over {@code char} that does not box. */
    @FunctionalInterface
    public interface CharPredicate {
        boolean test(char c);
    }
}
