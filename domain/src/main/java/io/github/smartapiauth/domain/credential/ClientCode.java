package io.github.smartapiauth.domain.credential;

import java.util.Locale;

/**
 * The Angel One client code (user id) that names an account, e.g. {@code A1234567}. Not a
 * secret; upper-cased so that {@code a1234567} and {@code A1234567} are the same account.
 */
public record ClientCode(String value) implements Comparable<ClientCode> {

    static final int MAX_LENGTH = 20;
    private static final String EXPECTED = "1 to 20 ASCII letters and digits, e.g. A1234567";

    public ClientCode {
        char[] checked = Text.validated(value, "the client code", MAX_LENGTH,
                c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'), EXPECTED);
        value = new String(checked).toUpperCase(Locale.ROOT);
    }

    public static ClientCode of(String value) {
        return new ClientCode(value);
    }

    @Override
    public int compareTo(ClientCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
