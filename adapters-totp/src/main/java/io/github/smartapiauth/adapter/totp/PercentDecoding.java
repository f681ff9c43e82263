package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 3986 percent-decoding of key URI parts into UTF-8 text. {@code +} stays a plus sign
 * (it means a space only in HTML forms). Errors name the part and position, never the text.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** Decodes {@code text[start, end)}; the result is a new array the caller may wipe. */
    static char[] decode(CharSequence text, int start, int end, String part) {
        byte[] bytes = new byte[end - start];
        int length = 0;
        try {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    int high = i + 2 < end ? hex(text.charAt(i + 1)) : -1;
                    int low = i + 2 < end ? hex(text.charAt(i + 2)) : -1;
                    if (high < 0 || low < 0) {
                        throw new ConfigurationException("the key URI's " + part + " has a '%' at position "
                                + (i - start + 1) + " that is not followed by two hexadecimal digits;"
                                + " copy the URI again from the enrolment page");
                    }
                    bytes[length++] = (byte) (high << 4 | low);
                    i += 2;
                } else if (c > 0x7e || c < 0x20) {
                    throw new ConfigurationException("the key URI's " + part + " has a character that a URI cannot"
                            + " hold unencoded at position " + (i - start + 1) + "; copy the URI again");
                } else {
                    bytes[length++] = (byte) c;
                }
            }
            return utf8(bytes, length, part);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static String decodeToString(CharSequence text, int start, int end, String part) {
        return new String(decode(text, start, end, part));
    }

    private static char[] utf8(byte[] bytes, int length, String part) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("the key URI's " + part + " is not valid UTF-8 once percent-decoded;"
                    + " copy the URI again from the enrolment page");
        }
        char[] result = new char[chars.remaining()];
        chars.get(result);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return result;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
