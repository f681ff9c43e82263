package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Sha1Vectors(long time, String expected) {
        int eightDigits = Totp.truncate(Totp.hmacSha1(SEED, Totp.step(time))) % 100_000_000;
        assertThat(String.format("%08d", eightDigits)).isEqualTo(expected);
        assertThat(Totp.code(SEED, Totp.step(time))).isEqualTo(expected.substring(2));
    }

    @Test
    void checkAcceptsOneStepOfDriftEitherWayButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        TotpCheck check = new TotpCheck(SEED_BASE32);
        assertThat(check.accept(RfcTotp.code(SEED_BASE32, now.getEpochSecond() - 30), now)).isTrue();
        assertThat(check.accept(RfcTotp.code(SEED_BASE32, now.getEpochSecond() + 30), now)).isTrue();
        assertThat(check.accept(RfcTotp.code(SEED_BASE32, now.getEpochSecond() - 60), now)).isFalse();
        assertThat(check.accept(RfcTotp.code(SEED_BASE32, now.getEpochSecond() + 60), now)).isFalse();
    }

    @Test
    void checkAcceptsEachStepOnce() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        TotpCheck check = new TotpCheck(SEED_BASE32);
        String code = RfcTotp.code(SEED_BASE32, now.getEpochSecond());
        assertThat(check.accept(code, now)).isTrue();
        assertThat(check.accept(code, now)).isFalse();
        assertThat(check.accept(code, now.plusSeconds(30))).as("still the previous step, already used").isFalse();
        assertThat(check.accept(RfcTotp.code(SEED_BASE32, now.getEpochSecond() + 30), now.plusSeconds(30))).isTrue();
    }

    @Test
    void checkRejectsAnythingButSixAsciiDigits() {
        Instant now = Instant.ofEpochSecond(59);
        TotpCheck check = new TotpCheck(SEED_BASE32);
        assertThat(check.accept(null, now)).isFalse();
        assertThat(check.accept("+87082", now)).isFalse();
        assertThat(check.accept("٢٨٧٠٨٢", now)).isFalse();
        assertThat(check.accept("94287082", now)).isFalse();
        assertThat(check.accept("287082", now)).isTrue();
    }
}
