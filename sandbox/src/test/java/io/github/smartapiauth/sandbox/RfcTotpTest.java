package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfcTotpTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Sha1Vectors(long time, String expected) {
        assertThat(RfcTotp.code(SEED, time, 8)).isEqualTo(expected);
    }

    @Test
    void matchesTheRfc4226Vectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(RfcTotp.hotp(SEED, counter, 6)).isEqualTo(expected[counter]);
        }
    }

    @Test
    void decodesBase32LikeTheRfc() {
        assertThat(RfcTotp.base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SEED);
        assertThat(RfcTotp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59)).isEqualTo("287082");
    }
}
