package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    @ParameterizedTest
    @CsvSource({"f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======"})
    void decodesTheRfc4648Vectors(String plain, String encoded) {
        assertThat(Base32.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void toleratesGroupingLowerCaseAndMissingPadding() {
        assertThat(Base32.decode("jbsw y3dp-ehpk 3pxp")).isEqualTo(Base32.decode("JBSWY3DPEHPK3PXP"));
        assertThat(Base32.decode("MZXW6")).isEqualTo("foo".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsCharactersOutsideTheAlphabetWithoutEchoingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("JBSWY3DPEHPK3PX1"))
                .withMessageNotContaining("JBSW").withMessageContaining("position 15");
    }

    @Test
    void rejectsImpossibleLengthsAndEmptySecrets() {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZX"));
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("===="));
    }
}
