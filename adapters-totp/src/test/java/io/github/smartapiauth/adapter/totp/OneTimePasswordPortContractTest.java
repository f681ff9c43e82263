package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OneTimePasswordPort} adapter must do. Alice's key is the RFC 6238 SHA1
 * seed; Bob's is the key URI example {@code JBSWY3DPEHPK3PXP}. Expected codes were computed
 * independently (RFC tables, Python's hmac).
 */
abstract class OneTimePasswordPortContractTest {

    static final ClientCode ALICE = ClientCode.of("A1234567");
    static final ClientCode BOB = ClientCode.of("B7654321");
    static final ClientCode CAROL = ClientCode.of("C0000001");
    static final Instant AT_59 = Instant.ofEpochSecond(59);
    static final Instant AT_1111111109 = Instant.ofEpochSecond(1_111_111_109);

    /**
     * The adapter under test, set up so that at {@code now} it serves {@code keys}; an adapter
     * that asks a person gets {@code typed} as the lines they type, in order.
     */
    protected abstract OneTimePasswordPort portFor(Map<ClientCode, TotpKey> keys, Instant now, List<String> typed);

    static TotpKey aliceKey() {
        return TotpKey.of(RfcVectors.secret(RfcVectors.SHA1_SEED));
    }

    static TotpKey bobKey() {
        return TotpKey.of(io.github.smartapiauth.domain.credential.TotpSecret.of(Base32Decoder.decode("JBSWY3DPEHPK3PXP")));
    }

    @Test
    void givesTheCodeValidAtTheInstant() {
        OneTimePasswordPort port = portFor(Map.of(ALICE, aliceKey()), AT_59, List.of("287082"));
        assertThat(port.codeAt(ALICE, AT_59).reveal()).isEqualTo("287082");
    }

    @Test
    void keepsLeadingZerosAsSixAsciiDigits() {
        OneTimePasswordPort port = portFor(Map.of(ALICE, aliceKey()), AT_1111111109, List.of("081804"));
        TotpCode code = port.codeAt(ALICE, AT_1111111109);
        assertThat(code.digits()).isEqualTo(6);
        assertThat(code.reveal()).isEqualTo("081804");
    }

    @Test
    void eachAccountGetsItsOwnCode() {
        OneTimePasswordPort port = portFor(Map.of(ALICE, aliceKey(), BOB, bobKey()), AT_1111111109,
                List.of("071271", "081804"));
        assertThat(port.codeAt(BOB, AT_1111111109).reveal()).isEqualTo("071271");
        assertThat(port.codeAt(ALICE, AT_1111111109).reveal()).isEqualTo("081804");
    }

    @Test
    void everyCallReturnsANewCodeTheCallerMayWipe() {
        OneTimePasswordPort port = portFor(Map.of(BOB, bobKey()), AT_59, List.of("996554", "996554"));
        TotpCode first = port.codeAt(BOB, AT_59);
        first.wipe();
        assertThat(port.codeAt(BOB, AT_59).reveal()).isEqualTo("996554");
    }

    @Test
    void anAccountWithoutACodeSourceIsAConfigurationErrorNamingIt() {
        OneTimePasswordPort port = portFor(Map.of(ALICE, aliceKey()), AT_59, List.of());
        assertThatThrownBy(() -> port.codeAt(CAROL, AT_59))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("account " + CAROL);
    }
}
