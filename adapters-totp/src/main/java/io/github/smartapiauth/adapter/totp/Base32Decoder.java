package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.secret.Redacted;
import java.util.Objects;

/**
 * RFC 4648 base32 decoding for secrets typed or pasted by people: friendly, never silently
 * wrong. Accepts lower case, spaces and hyphens anywhere (people paste secrets in groups) and
 * missing padding. Rejects, with a {@link ConfigurationException} naming the 1-based position,
 * every other character, lengths no encoder produces, wrong padding, and a last character
 * whose unused low bits are set (a typo there would otherwise change the key silently).
 * Messages describe a bad character by its kind, never print it or the secret.
 *
 * <pre>{@code
 * byte[] key = Base32Decoder.decode("jbsw y3dp ehpk 3pxp");
 * }</pre>
 */
public final class Base32Decoder {

    private static final String ALPHABET_HINT = "base32 uses only the letters A-Z and the digits 2-7"
            + " (spaces, hyphens and '=' padding at the end are accepted too)";

    private Base32Decoder() {
    }

    /** Decodes {@code text} into a new array; the caller should wipe it after use. */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text is required");
        int dataCount = 0;
        int padCount = 0;
        int firstPad = -1;
        int lastData = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            if (c == '=') {
                if (firstPad < 0) {
                    firstPad = i;
                }
                padCount++;
                continue;
            }
            if (valueOf(c) < 0) {
                throw new ConfigurationException("the base32 secret has " + describe(c) + " at position " + (i + 1)
                        + "; " + ALPHABET_HINT + "; copy the secret again from the enrolment page");
            }
            if (firstPad >= 0) {
                throw new ConfigurationException("the base32 secret has '=' padding at position " + (firstPad + 1)
                        + " followed by more characters at position " + (i + 1)
                        + "; '=' may only end the secret: remove it or check that two secrets were not pasted together");
            }
            dataCount++;
            lastData = i;
        }
        checkLength(dataCount, padCount);
        int leftoverBits = dataCount * 5 % 8;
        if ((valueOf(text.charAt(lastData)) & ((1 << leftoverBits) - 1)) != 0) {
            throw new ConfigurationException("the last base32 character, at position " + (lastData + 1)
                    + ", sets bits that no whole byte uses, so no encoder wrote it; the secret is probably mistyped"
                    + " or cut short: copy it again");
        }
        return decodeChecked(text, dataCount);
    }

    private static void checkLength(int dataCount, int padCount) {
        if (dataCount == 0) {
            throw new ConfigurationException("the base32 secret is empty; paste the key shown when TOTP was enabled");
        }
        int remainder = dataCount % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new ConfigurationException("the base32 secret has " + dataCount
                    + " characters (not counting spaces, hyphens and '='), which no base32 encoding produces"
                    + " (a multiple of 8 plus 1, 3 or 6); a character is missing or extra: copy the secret again");
        }
        int expectedPadding = remainder == 0 ? 0 : 8 - remainder;
        if (padCount != 0 && padCount != expectedPadding) {
            throw new ConfigurationException("the base32 secret ends with " + padCount + " '=' after " + dataCount
                    + " characters; expected " + (expectedPadding == 0 ? "none" : expectedPadding + " or none")
                    + ": remove the '=' characters or copy the secret again");
        }
    }

    private static byte[] decodeChecked(CharSequence text, int dataCount) {
        byte[] out = new byte[dataCount * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int i = 0; i < text.length() && next < out.length; i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[next++] = (byte) (buffer >>> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }

    /**
     * The 5-bit value of a base32 character, or -1. Lower-case ASCII letters map like their
     * upper-case forms; working on ASCII codes keeps this independent of the default locale
     * (no dotless-i surprises), as upper-casing with {@code Locale.ROOT} would.
     */
    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }

    private static String describe(char c) {
        if (c >= '0' && c <= '9') {
            return "a digit base32 never uses (0, 1, 8 or 9: an O, I or B misread?)";
        }
        return Redacted.describeCharacter(c);
    }
}
