package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyUriImporterTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String EXAMPLE =
            "otpauth://totp/ACME%20Co:john.doe@email.com?secret=" + SECRET + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30";

    @Test
    void importsTheKeyUriExample() {
        TotpKey key = KeyUriImporter.importKey(EXAMPLE);
        assertThat(key.secret().revealBytes()).isEqualTo(Base32Decoder.decode(SECRET));
        assertThat(key.parameters()).isEqualTo(TotpParameters.smartApi());
        assertThat(key.issuer()).contains("ACME Co");
        assertThat(key.accountName()).contains("john.doe@email.com");
        assertThat(key.toString()).doesNotContain(SECRET).contains("ACME Co", "redacted");
    }

    @Test
    void defaultsAreSmartApisAndTheLabelIssuerIsUsedWhenNoIssuerParameter() {
        TotpKey key = KeyUriImporter.importKey("otpauth://totp/Angel%20One:A1234567?secret=" + SECRET);
        assertThat(key.parameters()).isEqualTo(TotpParameters.smartApi());
        assertThat(key.issuer()).contains("Angel One");
        assertThat(key.accountName()).contains("A1234567");
    }

    @Test
    void readsOtherAlgorithmsDigitsAndPeriodsCaseInsensitively() {
        TotpKey key = KeyUriImporter.importKey("  OTPAUTH://TOTP/a%3A%20b?SECRET=jbswy3dpehpk3pxp&Algorithm=sha512"
                + "&digits=8&period=60&image=https%3A%2F%2Fexample.com%2Fx.png#ignored\n");
        assertThat(key.parameters()).isEqualTo(
                new TotpParameters(TotpAlgorithm.SHA512, 8, Duration.ofSeconds(60), Instant.EPOCH));
        assertThat(key.issuer()).contains("a");
        assertThat(key.accountName()).contains("b");
    }

    @Test
    void percentDecodesUtf8LabelsAndAPaddedSecret() {
        TotpKey key = KeyUriImporter.importKey(
                "otpauth://totp/Caf%C3%A9:%E0%A4%85?secret=AEBAGBAFAYDQQCIKBM%3D%3D%3D%3D%3D%3D&digits=7");
        assertThat(key.issuer()).contains("Café");
        assertThat(key.accountName()).contains("अ");
        assertThat(key.parameters().digits()).isEqualTo(7);
        assertThat(key.secret().revealBytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void codesFromAnImportedKeyMatchTheRfc() {
        String seed = TestBase32.encode(RfcVectors.SHA1_SEED.getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        try (TotpGenerator totp = TotpGenerator.of(KeyUriImporter.importKey("otpauth://totp/x?digits=8&secret=" + seed))) {
            assertThat(totp.codeAt(Instant.ofEpochSecond(59)).reveal()).isEqualTo("94287082");
        }
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "otpauth://hotp/ACME:john?secret=" + SECRET + "&counter=0| is for HOTP (counter-based) codes, but SmartAPI uses TOTP",
        "otpauth://HOTP/ACME:john?secret=" + SECRET + "| use the otpauth://totp/ URI",
        "otpauth://xotp/ACME:john?secret=" + SECRET + "| an unknown OTP type after otpauth://; expected totp",
        "otpauth:///ACME:john?secret=" + SECRET + "| no OTP type after otpauth://",
        "otpauth://totp?secret=" + SECRET + "| an unknown OTP type",
        "https://totp/ACME:john?secret=" + SECRET + "| does not start with otpauth://",
        SECRET + "| does not start with otpauth://",
        "otpauth://totp/ACME:john| no secret parameter (no '?secret=...' part)",
        "otpauth://totp/ACME:john?issuer=ACME| has no secret parameter",
        "otpauth://totp/ACME:john?secret=&issuer=ACME| has an empty secret parameter",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&algorithm=MD5| the algorithm 'MD5'; expected SHA1, SHA256 or SHA512",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&algorithm=SHA-1| the algorithm 'SHA-1'; expected SHA1, SHA256 or SHA512",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&algorithm=" + SECRET + "x| names an unknown algorithm; expected SHA1",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=5| asks for 5-digit codes; expected 6, 7 or 8",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=9| asks for 9-digit codes; expected 6, 7 or 8",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=10| asks for 10-digit codes",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=+6| digits parameter is not a whole number (it has a symbol at position 1)",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=%D9%A6| digits parameter is not a whole number",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&digits=| digits parameter is empty",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&period=0| period is 0; expected a positive number of seconds",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&period=-30| period is negative; expected a positive number",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&period=30s| period parameter is not a whole number (it has a letter at position 3)",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&period=9999999999| period parameter is 10 digits long",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&secret=" + SECRET + "| the parameter 'secret' twice (parameters 1 and 2); keep one",
        "otpauth://totp/ACME:john?digits=6&secret=" + SECRET + "&DIGITS=6| the parameter 'digits' twice (parameters 1 and 3)",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&issuer=A&issuer=B| the parameter 'issuer' twice",
        "otpauth://totp/ACME:john?" + SECRET + "| parameter 1 of the key URI has no '='",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&=x| parameter 2 of the key URI has an empty name",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&is%73uer=x| the name of parameter 2 of the key URI has a symbol",
        "otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PX1| secret parameter is not valid base32: the base32 secret has a digit",
        "otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PXPA| secret parameter is not valid base32: the base32 secret has 17 characters",
        "otpauth://totp/ACME:john?secret=GEZDGNBVGY3TQOI=| the secret in the key URI is 72 bits long; expected at least 80 bits",
        "otpauth://totp/ACME:john?secret=MZXW6YTB| is 40 bits long; expected at least 80 bits (16 base32 characters)",
        "otpauth://totp/ACME%2:john?secret=" + SECRET + "| label has a '%' at position 5 that is not followed by two hexadecimal digits",
        "otpauth://totp/ACME%ZZjohn?secret=" + SECRET + "| label has a '%' at position 5",
        "otpauth://totp/ACME:john?secret=" + SECRET + "&issuer=%FF| issuer is not valid UTF-8",
        "otpauth://totp/ACME\tjohn?secret=" + SECRET + "| label has a character that a URI cannot hold unencoded at position 5",
        "otpauth://totp/ACME:john?secret=JBSW%ZY3DPEHPK3PXP| secret has a '%' at position 5",
        "''| the key URI is empty",
        "'   '| the key URI is empty"
    })
    void rejectsWithAClearMessage(String uri, String message) {
        assertRejected(uri).hasMessageContaining(message);
    }

    @Test
    void acceptsSpacesInTheLabel() {
        assertThat(KeyUriImporter.importKey("otpauth://totp/Angel One:A1 23?secret=" + SECRET).accountName())
                .contains("A1 23");
    }

    @Test
    void rejectsAMissingUri() {
        assertRejected(null).hasMessageContaining("the key URI is missing; expected otpauth://totp/");
    }

    @Test
    void rejectsSecretsLongerThan1024Bits() {
        String huge = TestBase32.encode(new byte[129], false);
        assertRejected("otpauth://totp/x?secret=" + huge).hasMessageContaining("1032 bits long; expected at most 1024 bits");
    }

    @Test
    void aBadCharacterInTheSecretIsDescribedNotPrinted() {
        assertRejected("otpauth://totp/x?secret=JBSWY3DP%C3%89HPK3PXP")
                .hasMessageContaining("a non-ASCII character at position 9")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("É").doesNotContain("%C3"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String uri) {
        return assertThatThrownBy(() -> KeyUriImporter.importKey(uri))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContainIgnoringCase("JBSWY3DP")
                        .doesNotContainIgnoringCase("EHPK3PX")
                        .doesNotContain("otpauth://totp/ACME"));
    }
}
