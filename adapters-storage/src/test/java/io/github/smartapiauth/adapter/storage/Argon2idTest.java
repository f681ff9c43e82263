package io.github.smartapiauth.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    /** RFC 9106 section 5.3: the Argon2id test vector. */
    @Test
    void theRfc9106Argon2idVector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        Argon2Parameters parameters = Argon2id.parameters(new Argon2idParameters(32, 3, 4), salt)
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build();
        byte[] tag = Argon2id.derive(parameters, password, 32);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void theBuilderSetsArgon2idVersion13AndEveryCost() {
        Argon2Parameters parameters = Argon2id.parameters(new Argon2idParameters(1024, 2, 3), new byte[16]).build();
        assertThat(parameters.getType()).isEqualTo(Argon2Parameters.ARGON2_id);
        assertThat(parameters.getVersion()).isEqualTo(Argon2Parameters.ARGON2_VERSION_13);
        assertThat(parameters.getMemory()).isEqualTo(1024);
        assertThat(parameters.getIterations()).isEqualTo(2);
        assertThat(parameters.getLanes()).isEqualTo(3);
    }

    @Test
    void theDefaultIsRfc9106SecondOption() {
        assertThat(Argon2idParameters.defaults()).isEqualTo(new Argon2idParameters(64 * 1024, 3, 4));
        assertThat(Argon2idParameters.OWASP_MINIMUM).isEqualTo(new Argon2idParameters(19 * 1024, 2, 1));
    }

    @Test
    void costsOutsideTheBoundsAreRefused() {
        assertThatThrownBy(() -> new Argon2idParameters(Argon2idParameters.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 GiB at most");
        assertThatThrownBy(() -> new Argon2idParameters(64, 11, 1)).hasMessageContaining("iterations 11");
        assertThatThrownBy(() -> new Argon2idParameters(64, 0, 1)).hasMessageContaining("iterations 0");
        assertThatThrownBy(() -> new Argon2idParameters(1024, 1, 17)).hasMessageContaining("parallelism 17");
        assertThatThrownBy(() -> new Argon2idParameters(31, 1, 4)).hasMessageContaining("expected 32");
        assertThat(new Argon2idParameters(64, 1, 1)).isEqualTo(TestSessions.CHEAP);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
