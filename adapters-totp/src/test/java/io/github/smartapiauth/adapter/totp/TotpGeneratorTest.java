package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.TotpSecret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpGeneratorTest {

    private static TotpGenerator generator(TotpAlgorithm algorithm, int digits) {
        return TotpGenerator.of(RfcVectors.seedFor(algorithm), TotpParameters.of(algorithm, digits, 30));
    }

    @ParameterizedTest(name = "HOTP counter {0} -> {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void rfc4226AppendixD(long counter, String expected) {
        try (TotpGenerator hotp = generator(TotpAlgorithm.SHA1, 6)) {
            assertThat(hotp.codeForCounter(counter).reveal()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{1} at {0} s -> {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826"
    })
    void rfc6238AppendixB(long unixTime, TotpAlgorithm algorithm, String expected) {
        try (TotpGenerator totp = generator(algorithm, 8)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(unixTime)).reveal()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{1} at {0} s, 6 digits -> last 6 of {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "2000000000, SHA512, 38618901", "20000000000, SHA256, 77737706"
    })
    void sixDigitCodeIsTheLastSixOfTheEightDigitCode(long unixTime, TotpAlgorithm algorithm, String eightDigits) {
        try (TotpGenerator totp = generator(algorithm, 6)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(unixTime)).reveal()).isEqualTo(eightDigits.substring(2));
        }
    }

    @ParameterizedTest(name = "{1} with the 20-byte seed at {0} s gives the wrong-seed value {2}")
    @CsvSource({
        "59, SHA256, 32247374", "59, SHA512, 69342147",
        "1111111109, SHA256, 34756375", "1111111109, SHA512, 63049338"
    })
    void theSha1SeedUsedForOtherModesGivesTheKnownWrongValues(long unixTime, TotpAlgorithm algorithm, String wrong) {
        try (TotpGenerator wrongSeed = TotpGenerator.of(RfcVectors.secret(RfcVectors.SHA1_SEED),
                        TotpParameters.of(algorithm, 8, 30));
                TotpGenerator rightSeed = generator(algorithm, 8)) {
            Instant at = Instant.ofEpochSecond(unixTime);
            assertThat(wrongSeed.codeAt(at).reveal()).isEqualTo(wrong);
            assertThat(rightSeed.codeAt(at).reveal()).isNotEqualTo(wrong);
        }
    }

    @Test
    void sevenDigitsAreSupported() {
        try (TotpGenerator totp = generator(TotpAlgorithm.SHA1, 7)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(59)).reveal()).isEqualTo("4287082");
        }
    }

    @Test
    void theCounterIsSixtyFourBitsPast2038() {
        TotpParameters parameters = TotpParameters.of(TotpAlgorithm.SHA1, 8, 30);
        assertThat(parameters.stepAt(Instant.ofEpochSecond(20_000_000_000L))).isEqualTo(0x27BC86AAL);
        try (TotpGenerator totp = generator(TotpAlgorithm.SHA1, 8)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(20_000_000_000L)).reveal()).isEqualTo("65353130");
        }
    }

    @Test
    void instantsBeforeT0FallInNegativeStepsByFloorDivision() {
        TotpParameters parameters = TotpParameters.of(TotpAlgorithm.SHA1, 6, 30).withT0(Instant.ofEpochSecond(100));
        assertThat(parameters.stepAt(Instant.ofEpochSecond(99))).isEqualTo(-1);
        assertThat(parameters.stepAt(Instant.ofEpochSecond(70))).isEqualTo(-1);
        assertThat(parameters.stepAt(Instant.ofEpochSecond(69))).isEqualTo(-2);
        assertThat(parameters.stepAt(Instant.ofEpochSecond(100))).isZero();
        try (TotpGenerator totp = TotpGenerator.of(RfcVectors.secret(RfcVectors.SHA1_SEED), parameters)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(99)).reveal())
                    .isEqualTo(totp.codeForCounter(-1).reveal())
                    .isNotEqualTo(totp.codeForCounter(0).reveal());
        }
    }

    @Test
    void tZeroShiftsTheSteps() {
        TotpParameters shifted = TotpParameters.of(TotpAlgorithm.SHA1, 8, 30).withT0(Instant.ofEpochSecond(30));
        try (TotpGenerator totp = TotpGenerator.of(RfcVectors.secret(RfcVectors.SHA1_SEED), shifted)) {
            // 89 s with T0 = 30 is step 1, the RFC's 59 s row.
            assertThat(totp.codeAt(Instant.ofEpochSecond(89)).reveal()).isEqualTo("94287082");
        }
    }

    @Test
    void aCustomStepChangesTheCounter() {
        TotpParameters sixty = new TotpParameters(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(60), Instant.EPOCH);
        try (TotpGenerator totp = TotpGenerator.of(RfcVectors.secret(RfcVectors.SHA1_SEED), sixty)) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(119)).reveal()).isEqualTo("287082");
        }
    }

    @Test
    void repeatedCallsReuseThePreparedMacAndStayCorrect() {
        try (TotpGenerator hotp = generator(TotpAlgorithm.SHA1, 6)) {
            for (int round = 0; round < 3; round++) {
                assertThat(hotp.codeForCounter(0).reveal()).isEqualTo("755224");
                assertThat(hotp.codeForCounter(9).reveal()).isEqualTo("520489");
            }
        }
    }

    @Test
    void concurrentCallersGetCorrectCodes() throws Exception {
        try (TotpGenerator hotp = generator(TotpAlgorithm.SHA1, 6)) {
            String[] expected = {"755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489"};
            Thread[] threads = new Thread[8];
            java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int counter = i % 10;
                        if (!hotp.codeForCounter(counter).reveal().equals(expected[counter])) {
                            mismatches.incrementAndGet();
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(mismatches).hasValue(0);
        }
    }

    @Test
    void theCallersSecretMayBeWipedAfterCreation() {
        TotpSecret secret = RfcVectors.secret(RfcVectors.SHA1_SEED);
        try (TotpGenerator hotp = TotpGenerator.of(secret, TotpParameters.smartApi())) {
            secret.wipe();
            assertThat(hotp.codeForCounter(0).reveal()).isEqualTo("755224");
        }
    }

    @Test
    void closingWipesTheKeyAndLaterCallsFail() {
        TotpGenerator totp = generator(TotpAlgorithm.SHA1, 6);
        totp.close();
        totp.close();
        assertThat(totp.isClosed()).isTrue();
        assertThatThrownBy(() -> totp.codeAt(Instant.ofEpochSecond(59)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void toStringNamesTheParametersButNotTheKey() {
        try (TotpGenerator totp = generator(TotpAlgorithm.SHA256, 8)) {
            assertThat(totp.toString()).contains("SHA256", "8 digits", "redacted").doesNotContain(RfcVectors.SHA256_SEED);
        }
    }

    @ParameterizedTest(name = "digits {0} is refused")
    @CsvSource({"5", "9", "0", "-1"})
    void parametersRejectDigitsOutsideSixToEight(int digits) {
        assertThatThrownBy(() -> TotpParameters.of(TotpAlgorithm.SHA1, digits, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6 to 8");
    }

    @ParameterizedTest(name = "period {0} s is refused")
    @CsvSource({"0", "-30"})
    void parametersRejectNonPositivePeriods(long seconds) {
        assertThatThrownBy(() -> TotpParameters.of(TotpAlgorithm.SHA1, 6, seconds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
