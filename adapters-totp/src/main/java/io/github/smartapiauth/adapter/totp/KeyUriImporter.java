package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.credential.TotpSecret;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.secret.Redacted;
import java.nio.CharBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a key URI, the text behind the QR code shown when TOTP is enabled:
 * {@code otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
 * {@code secret} is required; {@code algorithm} (SHA1, SHA256, SHA512; default SHA1),
 * {@code digits} (6 to 8; default 6) and {@code period} (seconds, default 30) are optional;
 * other parameters (e.g. {@code image}) are ignored. The label and issuer are percent-decoded.
 *
 * <p>Every problem is a {@link ConfigurationException} that says what is wrong and how to fix
 * it. A key URI contains the secret, so no message ever quotes the URI or a part of it that
 * could be the secret; it is parsed by hand rather than with {@code java.net.URI}, whose
 * errors quote their input.
 *
 * <pre>{@code
 * TotpKey key = KeyUriImporter.importKey(uriText);
 * }</pre>
 */
public final class KeyUriImporter {

    private static final String SCHEME = "otpauth://";
    private static final String EXPECTED = "expected otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER";
    private static final int MAX_PERIOD_DIGITS = 9;

    private KeyUriImporter() {
    }

    public static TotpKey importKey(CharSequence uri) {
        if (uri == null) {
            throw new ConfigurationException("the key URI is missing; " + EXPECTED);
        }
        int start = 0;
        int end = uri.length();
        while (start < end && Character.isWhitespace(uri.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(uri.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new ConfigurationException("the key URI is empty; " + EXPECTED);
        }
        if (!regionMatchesIgnoreCase(uri, start, SCHEME)) {
            throw new ConfigurationException("the key URI does not start with otpauth://; " + EXPECTED
                    + " (the text behind the QR code shown when TOTP was enabled)");
        }
        int fragment = indexOf(uri, '#', start, end);
        if (fragment >= 0) {
            end = fragment;
        }
        int typeStart = start + SCHEME.length();
        int slash = indexOf(uri, '/', typeStart, end);
        checkType(uri, typeStart, slash < 0 ? end : slash);
        int question = slash < 0 ? -1 : indexOf(uri, '?', slash + 1, end);
        if (question < 0) {
            throw new ConfigurationException("the key URI has no secret parameter (no '?secret=...' part); " + EXPECTED);
        }
        String label = PercentDecoding.decodeToString(uri, slash + 1, question, "label");
        Map<String, int[]> parameters = parameters(uri, question + 1, end);
        return build(uri, label, parameters);
    }

    private static void checkType(CharSequence uri, int start, int end) {
        if (end - start == 4 && regionMatchesIgnoreCase(uri, start, "totp")) {
            return;
        }
        if (end - start == 4 && regionMatchesIgnoreCase(uri, start, "hotp")) {
            throw new ConfigurationException("the key URI is for HOTP (counter-based) codes, but SmartAPI uses TOTP"
                    + " (time-based) codes; use the otpauth://totp/ URI shown when TOTP was enabled for the account");
        }
        throw new ConfigurationException("the key URI has " + (start == end ? "no OTP type" : "an unknown OTP type")
                + " after otpauth://; expected totp, as in otpauth://totp/ISSUER:ACCOUNT?secret=BASE32");
    }

    /** Parameter name (lower case) to the [start, end) range of its raw value. */
    private static Map<String, int[]> parameters(CharSequence uri, int start, int end) {
        Map<String, int[]> found = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        int number = 0;
        int segmentStart = start;
        while (segmentStart <= end) {
            int ampersand = indexOf(uri, '&', segmentStart, end);
            int segmentEnd = ampersand < 0 ? end : ampersand;
            if (segmentEnd > segmentStart) {
                number++;
                int equals = indexOf(uri, '=', segmentStart, segmentEnd);
                if (equals < 0) {
                    throw new ConfigurationException("parameter " + number + " of the key URI has no '='; expected"
                            + " name=value pairs separated by '&', e.g. secret=BASE32&issuer=ISSUER");
                }
                String name = parameterName(uri, segmentStart, equals, number);
                Integer earlier = positions.putIfAbsent(name, number);
                if (earlier != null) {
                    throw new ConfigurationException("the key URI has the parameter '" + name + "' twice (parameters "
                            + earlier + " and " + number + "); keep one, or copy the URI again");
                }
                found.put(name, new int[] {equals + 1, segmentEnd});
            }
            segmentStart = segmentEnd + 1;
        }
        return found;
    }

    private static String parameterName(CharSequence uri, int start, int end, int number) {
        if (end == start || end - start > 32) {
            throw new ConfigurationException("parameter " + number + " of the key URI has " + (end == start
                    ? "an empty name" : "an overlong name") + "; expected name=value, e.g. secret=BASE32");
        }
        for (int i = start; i < end; i++) {
            char c = uri.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw new ConfigurationException("the name of parameter " + number + " of the key URI has "
                        + Redacted.describeCharacter(c)
                        + "; parameter names are ASCII letters, e.g. secret, issuer, digits");
            }
        }
        return uri.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    }

    private static TotpKey build(CharSequence uri, String label, Map<String, int[]> parameters) {
        TotpAlgorithm algorithm = algorithm(uri, parameters.get("algorithm"));
        int digits = digits(uri, parameters.get("digits"));
        long period = period(uri, parameters.get("period"));
        int colon = label.indexOf(':');
        Optional<String> labelIssuer = colon < 0 ? Optional.empty() : nonBlank(label.substring(0, colon));
        Optional<String> account = nonBlank(colon < 0 ? label : label.substring(colon + 1));
        int[] issuerRange = parameters.get("issuer");
        Optional<String> issuer = issuerRange == null ? labelIssuer
                : nonBlank(PercentDecoding.decodeToString(uri, issuerRange[0], issuerRange[1], "issuer"))
                        .or(() -> labelIssuer);
        TotpSecret secret = secret(uri, parameters.get("secret"));
        return new TotpKey(secret, new TotpParameters(algorithm, digits, Duration.ofSeconds(period), Instant.EPOCH),
                issuer, account);
    }

    private static TotpSecret secret(CharSequence uri, int[] range) {
        if (range == null || range[0] == range[1]) {
            throw new ConfigurationException("the key URI has " + (range == null ? "no" : "an empty")
                    + " secret parameter; " + EXPECTED + ", with the base32 key after secret=");
        }
        char[] decodedText = indexOf(uri, '%', range[0], range[1]) >= 0
                ? PercentDecoding.decode(uri, range[0], range[1], "secret") : null;
        byte[] key;
        try {
            key = Base32Decoder.decode(decodedText != null ? CharBuffer.wrap(decodedText)
                    : CharBuffer.wrap(uri, range[0], range[1]));
        } catch (ConfigurationException e) {
            throw new ConfigurationException("the key URI's secret parameter is not valid base32: " + e.getMessage(),
                    null, e);
        } finally {
            if (decodedText != null) {
                Arrays.fill(decodedText, '\0');
            }
        }
        try {
            return checkedSecret(key, "the secret in the key URI", "check that the whole URI was copied");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Checks the length with a configuration message before {@link TotpSecret} would throw its own. */
    static TotpSecret checkedSecret(byte[] key, String what, String fix) {
        if (key.length < TotpSecret.MIN_BYTES) {
            throw new ConfigurationException(what + " is " + key.length * 8 + " bits long; expected at least 80 bits"
                    + " (16 base32 characters): " + fix);
        }
        if (key.length > TotpSecret.MAX_BYTES) {
            throw new ConfigurationException(what + " is " + key.length * 8 + " bits long; expected at most 1024 bits"
                    + " (a TOTP key is usually 160): " + fix);
        }
        return TotpSecret.of(key);
    }

    private static TotpAlgorithm algorithm(CharSequence uri, int[] range) {
        if (range == null) {
            return TotpAlgorithm.SHA1;
        }
        String value = PercentDecoding.decodeToString(uri, range[0], range[1], "algorithm");
        for (TotpAlgorithm algorithm : TotpAlgorithm.values()) {
            if (algorithm.name().equalsIgnoreCase(value)) {
                return algorithm;
            }
        }
        throw new ConfigurationException("the key URI names " + (isPlain(value) ? "the algorithm '" + value + "'"
                : "an unknown algorithm") + "; expected SHA1, SHA256 or SHA512 (SmartAPI uses SHA1)");
    }

    private static int digits(CharSequence uri, int[] range) {
        if (range == null) {
            return 6;
        }
        long value = wholeNumber(uri, range, "digits", "6, 7 or 8 (SmartAPI uses 6)");
        if (value < TotpParameters.MIN_DIGITS || value > TotpParameters.MAX_DIGITS) {
            throw new ConfigurationException("the key URI asks for " + value + "-digit codes; expected 6, 7 or 8"
                    + " (SmartAPI uses 6)");
        }
        return (int) value;
    }

    private static long period(CharSequence uri, int[] range) {
        if (range == null) {
            return 30;
        }
        String expected = "a positive number of seconds (SmartAPI uses 30)";
        if (range[1] > range[0] && uri.charAt(range[0]) == '-') {
            throw new ConfigurationException("the key URI's period is negative; expected " + expected);
        }
        long value = wholeNumber(uri, range, "period", expected);
        if (value <= 0) {
            throw new ConfigurationException("the key URI's period is 0; expected " + expected);
        }
        return value;
    }

    /** Parses ASCII digits by hand: {@code Long.parseLong} would also take '+' and non-ASCII digits. */
    private static long wholeNumber(CharSequence uri, int[] range, String name, String expected) {
        int length = range[1] - range[0];
        if (length == 0) {
            throw new ConfigurationException("the key URI's " + name + " parameter is empty; expected " + expected);
        }
        if (length > MAX_PERIOD_DIGITS) {
            throw new ConfigurationException("the key URI's " + name + " parameter is " + length
                    + " digits long; expected " + expected);
        }
        long value = 0;
        for (int i = range[0]; i < range[1]; i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                throw new ConfigurationException("the key URI's " + name + " parameter is not a whole number (it has "
                        + Redacted.describeCharacter(c) + " at position "
                        + (i - range[0] + 1) + "); expected " + expected);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isPlain(String value) {
        if (value.isEmpty() || value.length() > 16) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> nonBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int start, String expected) {
        if (text.length() - start < expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char c = text.charAt(start + i);
            char e = expected.charAt(i);
            if (c != e && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == e)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, char wanted, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
