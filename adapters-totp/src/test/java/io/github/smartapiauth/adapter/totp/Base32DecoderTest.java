package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Base32DecoderTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";

    @ParameterizedTest(name = "{1} -> \"{0}\"")
    @CsvSource({
        "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI======"
    })
    void rfc4648Vectors(String plain, String encoded) {
        byte[] expected = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32Decoder.decode(encoded)).isEqualTo(expected);
        assertThat(Base32Decoder.decode(encoded.replace("=", ""))).as("without padding").isEqualTo(expected);
        assertThat(Base32Decoder.decode(encoded.toLowerCase(java.util.Locale.ROOT))).as("lower case").isEqualTo(expected);
    }

    @Test
    void keyUriExampleDecodesToHelloAndDeadBeef() {
        assertThat(Base32Decoder.decode(SECRET))
                .containsExactly('H', 'e', 'l', 'l', 'o', '!', 0xDE, 0xAD, 0xBE, 0xEF);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "jbswy3dpehpk3pxp", "JBSW Y3DP EHPK 3PXP", "jbsw-y3dp-ehpk-3pxp", " JBSWY3DPEHPK3PXP ", "JbSw y3Dp-EhPk 3pXp"
    })
    void acceptsLowerCaseSpacesAndHyphens(String pasted) {
        assertThat(Base32Decoder.decode(pasted)).isEqualTo(Base32Decoder.decode(SECRET));
    }

    @Test
    void lowerCaseDecodingIgnoresATurkishDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Base32Decoder.decode("mi")).isEqualTo(Base32Decoder.decode("MI"));
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    static Stream<Arguments> badCharacters() {
        return Stream.of(
                Arguments.of("JBSWY3DPEHPK3PX1", 16, "a digit base32 never uses"),
                Arguments.of("JBSWY3D0EHPK3PXP", 8, "a digit base32 never uses"),
                Arguments.of("JBSWY3DPEHPK8PXP", 13, "a digit base32 never uses"),
                Arguments.of("JBSW_Y3DPEHPK3PXP", 5, "a symbol"),
                Arguments.of("JBSW.Y3DPEHPK3PXP", 5, "a symbol"),
                Arguments.of("JBSW\tY3DPEHPK3PXP", 5, "a whitespace character"),
                Arguments.of("JBSWY3DPEHPK3PXP\n", 17, "a whitespace character"),
                Arguments.of("JBSWY3DPÉHPK3PXP", 9, "a non-ASCII character"),
                Arguments.of("ＪBSWY3DPEHPK3PXP", 1, "a non-ASCII character"),
                Arguments.of("JBSWY3DP\u0000HPK3PXP", 9, "a control character"));
    }

    @ParameterizedTest(name = "bad character at position {1}: {2}")
    @MethodSource("badCharacters")
    void rejectsAnyOtherCharacterWithItsPosition(String text, int position, String description) {
        assertRejected(text)
                .hasMessageContaining("position " + position)
                .hasMessageContaining(description)
                .hasMessageContaining("A-Z and the digits 2-7");
    }

    @ParameterizedTest(name = "{0} data characters is impossible")
    @CsvSource({"1", "3", "6", "9", "11", "14"})
    void rejectsImpossibleLengths(int length) {
        String text = SECRET.repeat(2).substring(0, length);
        assertRejected(text)
                .hasMessageContaining("has " + length + " characters")
                .hasMessageContaining("no base32 encoding produces")
                .hasMessageContaining("missing or extra");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "MY=====| ends with 5 '=' after 2 characters; expected 6 or none",
        "MZXW6YQ==| ends with 2 '=' after 7 characters; expected 1 or none",
        "MZXW6YTB=| ends with 1 '=' after 8 characters; expected none",
        "MZXW6===YQ| '=' padding at position 6 followed by more characters at position 9",
        "MZ=XW6YQ| '=' padding at position 3 followed by more characters at position 4"
    })
    void rejectsWrongPadding(String text, String message) {
        assertRejected(text).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"''", "'   '", "'- -'", "'===='"})
    void rejectsEmptySecrets(String text) {
        assertRejected(text).hasMessageContaining("is empty");
    }

    @Test
    void rejectsALastCharacterWithUnusedBitsSet() {
        // "MZ" would be 'f' (0x66) plus two stray bits: a typo for "MY".
        assertRejected("MZ").hasMessageContaining("position 2").hasMessageContaining("mistyped or cut short");
        assertRejected("JBSWY3DPEHPK3PXQ=").hasMessageContaining("ends with 1 '='");
    }

    @Test
    void messagesNeverContainTheSecretOrItsGroups() {
        String[] secrets = {"JBSWY3DPEHPK3PX1", "jbswy3dpehpk3px", "JBSW Y3DP EHPK 3PXP ! ", "JBSWY3DPEHPK3PXP=", "JBSWY3DPEHPK3PXPX="};
        for (String secret : secrets) {
            assertThatThrownBy(() -> Base32Decoder.decode(secret))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContainIgnoringCase("JBSW")
                            .doesNotContainIgnoringCase("Y3DP")
                            .doesNotContainIgnoringCase("EHPK")
                            .doesNotContainIgnoringCase("3PX"));
        }
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomKeysSurviveARoundTrip(int seed) {
        Random random = new Random(seed);
        byte[] key = new byte[1 + random.nextInt(80)];
        random.nextBytes(key);
        assertThat(Base32Decoder.decode(TestBase32.encode(key, true))).isEqualTo(key);
        assertThat(Base32Decoder.decode(TestBase32.encode(key, false))).isEqualTo(key);
        String grouped = TestBase32.encode(key, false).toLowerCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1 ");
        assertThat(Base32Decoder.decode(grouped)).isEqualTo(key);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String text) {
        return assertThatThrownBy(() -> Base32Decoder.decode(text))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> {
                    String letters = text.replaceAll("[^A-Za-z2-7]", "");
                    if (letters.length() >= 4) {
                        assertThat(e.getMessage()).doesNotContainIgnoringCase(letters);
                    }
                });
    }
}
