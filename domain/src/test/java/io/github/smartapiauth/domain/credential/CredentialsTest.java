package io.github.smartapiauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    @Nested
    class AnApiKey {

        @Test
        void revealsItsValueOnlyOnRequest() {
            ApiKey key = ApiKey.of("AbCd1234");
            assertThat(key.reveal()).isEqualTo("AbCd1234");
            assertThat(key).hasToString("ApiKey[redacted]");
        }

        @Test
        void comparesByValue() {
            assertThat(ApiKey.of("AbCd1234")).isEqualTo(ApiKey.of("AbCd1234")).isNotEqualTo(ApiKey.of("AbCd1235"));
            assertThat(ApiKey.of("AbCd1234")).hasSameHashCodeAs(ApiKey.of("ZzZz9999"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ab cd1234", "Ab\td1234", "Abécd1234"})
        void refusesSpacesAndNonAsciiWithoutEchoingTheKey(String bad) {
            assertThatThrownBy(() -> ApiKey.of(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the API key has")
                    .hasMessageContaining("at position 3")
                    .hasMessageNotContaining(bad)
                    .hasMessageNotContaining("234");
        }

        @Test
        void refusesBlankAndOverlongKeys() {
            assertThatThrownBy(() -> ApiKey.of("")).hasMessageContaining("the API key is empty");
            assertThatThrownBy(() -> ApiKey.of(null)).hasMessageContaining("the API key is missing");
            assertThatThrownBy(() -> ApiKey.of("k".repeat(129))).hasMessageContaining("129 characters long");
        }

        @Test
        void canBeWiped() {
            ApiKey key = ApiKey.of("AbCd1234");
            key.wipe();
            assertThat(key.isWiped()).isTrue();
            assertThatThrownBy(key::reveal).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the API key was wiped and can no longer be read");
        }
    }

    @Nested
    class APin {

        @Test
        void isExactlyFourAsciiDigits() {
            assertThat(Pin.of("0123").reveal()).isEqualTo("0123");
            assertThat(Pin.of("0123".toCharArray())).isEqualTo(Pin.of("0123")).hasToString("Pin[redacted]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"123", "12345", "12a4", "١٢٣٤", "+123", "pass word"})
        void refusesAnythingElseAndExplainsTheMpin(String bad) {
            assertThatThrownBy(() -> Pin.of(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the MPIN")
                    .hasMessageContaining("exactly 4 ASCII digits")
                    .hasMessageNotContaining(bad);
        }

        @Test
        void wipingZeroesTheDigits() {
            Pin pin = Pin.of("9876");
            pin.wipe();
            assertThat(pin.isWiped()).isTrue();
            assertThat(pin).isNotEqualTo(Pin.of("9876"));
        }
    }

    @Nested
    class AClientCode {

        @Test
        void isUpperCasedAndPrintable() {
            assertThat(ClientCode.of("a1234567")).isEqualTo(ClientCode.of("A1234567")).hasToString("A1234567");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "A 123", "A-123", "ABCDEFGHIJKLMNOPQRSTU"})
        void refusesWhatIsNotAClientCode(String bad) {
            assertThatThrownBy(() -> ClientCode.of(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the client code")
                    .hasMessageContaining("expected");
        }
    }

    @Nested
    class ATotpSecret {

        @Test
        void holdsRawKeyBytesAndCopiesThem() {
            byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
            TotpSecret secret = TotpSecret.of(key);
            key[0] = 'x';
            assertThat(secret.revealBytes()[0]).isEqualTo((byte) '1');
            assertThat(secret).hasToString("TotpSecret[redacted]");
        }

        @Test
        void refusesKeysUnder80Bits() {
            assertThatThrownBy(() -> TotpSecret.of(new byte[9]))
                    .hasMessage("the TOTP secret is 72 bits long; expected at least 80 bits (16 base32 characters);"
                            + " check that the whole key was copied");
        }

        @Test
        void wipesItsBytes() {
            TotpSecret secret = TotpSecret.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
            secret.wipe();
            assertThatThrownBy(secret::revealBytes).hasMessageContaining("the TOTP secret was wiped");
        }
    }

    @Nested
    class ATotpCode {

        @Test
        void isSixToEightAsciiDigits() {
            assertThat(TotpCode.of("012345").digits()).isEqualTo(6);
            assertThat(TotpCode.of("01234567").digits()).isEqualTo(8);
            assertThat(TotpCode.of("012345")).hasToString("TotpCode[redacted]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", "123456789", "12345a", "+12345", "١٢٣٤٥٦"})
        void refusesOtherInputs(String bad) {
            assertThatThrownBy(() -> TotpCode.of(bad)).hasMessageContaining("the TOTP code").hasMessageNotContaining(bad);
        }

        @Test
        void canRequireAnExactLength() {
            assertThatThrownBy(() -> TotpCode.of("1234567", 6)).hasMessage("the TOTP code has 7 digits; expected exactly 6");
        }
    }

    @Test
    void credentialsPrintOnlyTheClientCode() {
        Credentials credentials = new Credentials(ApiKey.of("SECRETKEY"), ClientCode.of("A1"), Pin.of("4321"));
        assertThat(credentials.toString()).contains("A1").doesNotContain("SECRETKEY").doesNotContain("4321");
        credentials.wipe();
        assertThat(credentials.apiKey().isWiped()).isTrue();
        assertThat(credentials.pin().isWiped()).isTrue();
    }
}
