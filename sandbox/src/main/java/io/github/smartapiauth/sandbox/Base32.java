package io.github.smartapiauth.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 base32 decoding of TOTP secrets, tolerant of grouping, case and padding, strict otherwise. */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static byte[] decode(String encoded) {
        String text = encoded.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        text = text.substring(0, end);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the TOTP secret is empty");
        }
        int rest = text.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("the TOTP secret has an impossible base32 length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                // Never echo the character: it is part of a secret.
                throw new IllegalArgumentException("the TOTP secret has a character outside A-Z and 2-7 at position " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
