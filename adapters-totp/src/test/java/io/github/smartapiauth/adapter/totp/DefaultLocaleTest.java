package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two popular Java TOTP libraries format codes with the default locale; ours must not. */
class DefaultLocaleTest {

    private Locale previous;

    @BeforeEach
    void remember() {
        previous = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(previous);
    }

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"ar-EG", "mr-IN", "th-TH-u-nu-thai", "und"})
    void codesAreAsciiDigitsWhateverTheDefaultLocale(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        try (TotpGenerator sha1 = TotpGenerator.of(RfcVectors.seedFor(TotpAlgorithm.SHA1),
                        TotpParameters.of(TotpAlgorithm.SHA1, 8, 30));
                TotpGenerator sha512six = TotpGenerator.of(RfcVectors.seedFor(TotpAlgorithm.SHA512),
                        TotpParameters.of(TotpAlgorithm.SHA512, 6, 30))) {
            assertThat(sha1.codeAt(Instant.ofEpochSecond(1_111_111_109)).reveal()).isEqualTo("07081804");
            assertThat(sha1.codeAt(Instant.ofEpochSecond(20_000_000_000L)).reveal()).isEqualTo("65353130");
            assertThat(sha512six.codeAt(Instant.ofEpochSecond(59)).reveal()).isEqualTo("693936");
        }
    }

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"ar-EG", "mr-IN", "th-TH-u-nu-thai", "und"})
    void promptsUseAsciiDigitsAndTypedAsciiCodesAreAccepted(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        StringWriter out = new StringWriter();
        TypedTotpAdapter adapter = TypedTotpAdapter.over(new StringReader("081804\n"), out,
                Clock.fixed(Instant.ofEpochSecond(1_111_111_100), ZoneOffset.UTC), TypedTotpSettings.smartApi());
        assertThat(adapter.codeAt(ClientCode.of("A1234567"), Instant.ofEpochSecond(1_111_111_100)).reveal())
                .isEqualTo("081804");
        assertThat(out.toString()).contains("(6 digits, 10 s left for the current code)");
    }

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"ar-EG", "mr-IN", "th-TH-u-nu-thai", "tr-TR", "und"})
    void importAndDecodingIgnoreTheDefaultLocale(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        TotpKey key = KeyUriImporter.importKey("otpauth://totp/I:a?secret=jbswy3dpehpk3pxp&algorithm=sha1&digits=8"
                + "&period=30&ISSUER=i");
        assertThat(key.parameters()).isEqualTo(TotpParameters.smartApi().withDigits(8));
        assertThat(key.secret().revealBytes()).isEqualTo(Base32Decoder.decode("JBSWY3DPEHPK3PXP"));
    }
}
