package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedTotpAdapterTest extends OneTimePasswordPortContractTest {

    @Override
    protected OneTimePasswordPort portFor(Map<ClientCode, TotpKey> keys, Instant now, List<String> typed) {
        GeneratedTotpAdapter.Builder builder = GeneratedTotpAdapter.builder();
        keys.forEach(builder::account);
        return builder.build();
    }

    @Test
    void anUnknownAccountIsNamedWithTheFix() {
        GeneratedTotpAdapter adapter = GeneratedTotpAdapter.builder().account(ALICE, aliceKey()).build();
        assertThat(adapter.hasAccount(ALICE)).isTrue();
        assertThat(adapter.hasAccount(BOB)).isFalse();
        assertThatThrownBy(() -> adapter.codeAt(BOB, AT_59))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no TOTP secret is configured for account B7654321; add the account's secret"
                        + " (environment variable, file or otpauth:// URI) or have the code typed in for it");
    }

    @Test
    void clientCodesAreCaseInsensitive() {
        GeneratedTotpAdapter adapter = GeneratedTotpAdapter.builder().account(ClientCode.of("a1234567"), aliceKey()).build();
        assertThat(adapter.codeAt(ALICE, AT_59).reveal()).isEqualTo("287082");
    }

    @Test
    void accountsMayUseDifferentParameters() {
        TotpKey eightDigitSha256 = new TotpKey(RfcVectors.secret(RfcVectors.SHA256_SEED),
                TotpParameters.of(TotpAlgorithm.SHA256, 8, 30), java.util.Optional.empty(), java.util.Optional.empty());
        GeneratedTotpAdapter adapter = GeneratedTotpAdapter.builder()
                .account(ALICE, aliceKey())
                .account(BOB, eightDigitSha256)
                .build();
        assertThat(adapter.codeAt(ALICE, AT_59).reveal()).isEqualTo("287082");
        assertThat(adapter.codeAt(BOB, AT_59).reveal()).isEqualTo("46119246");
    }

    @Test
    void aSecondSecretForTheSameAccountIsRefused() {
        GeneratedTotpAdapter.Builder builder = GeneratedTotpAdapter.builder().account(ALICE, aliceKey());
        assertThatThrownBy(() -> builder.account(ClientCode.of("a1234567"), bobKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account A1234567 was given two TOTP secrets; give one");
    }

    @Test
    void closingWipesEveryGenerator() {
        TotpGenerator alice = TotpGenerator.of(aliceKey());
        TotpGenerator bob = TotpGenerator.of(bobKey());
        GeneratedTotpAdapter adapter = GeneratedTotpAdapter.of(Map.of(ALICE, alice, BOB, bob));
        adapter.close();
        assertThat(alice.isClosed()).isTrue();
        assertThat(bob.isClosed()).isTrue();
        assertThat(adapter.toString()).contains("A1234567").doesNotContain("287082");
    }
}
