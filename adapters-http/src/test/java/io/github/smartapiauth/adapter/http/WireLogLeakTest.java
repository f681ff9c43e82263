package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every logger runs at TRACE into one file (see the surefire configuration); a whole session life,
 * failures included, must leave no API key, MPIN, TOTP code or token in it.
 */
class WireLogLeakTest {

    private static final Path LOG = Path.of("target", "test-trace.log");

    @Test
    void aFullLifeAtTraceLeavesNoSecretInTheLog() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(ACCOUNT.apiKey()));
        List<String> codes = new ArrayList<>();
        try (SandboxFixture fixture = new SandboxFixture()) {
            SmartApiHttpClient client = fixture.client;
            Credentials account = SandboxFixture.credentials();

            String wrongCode = ACCOUNT.totpAt(fixture.clock.instant().plusSeconds(300));
            codes.add(wrongCode);
            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), TotpCode.of(wrongCode)))
                    .isInstanceOf(SmartApiAuthException.class);
            fixture.sandbox.faults().next(Route.LOGIN, Fault.HTTP_500);
            codes.add(ACCOUNT.totpAt(fixture.clock.instant()));
            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), fixture.currentCode()))
                    .isInstanceOf(SmartApiAuthException.class);
            fixture.nextStep();
            codes.add(ACCOUNT.totpAt(fixture.clock.instant()));
            TokenSet first = client.login(SandboxFixture.credentials(), fixture.currentCode());
            TokenSet second = client.refresh(account, first);
            fixture.sandbox.faults().next(Route.GET_PROFILE, Fault.MALFORMED_JSON);
            assertThatThrownBy(() -> client.profile(account, second.accessToken())).isInstanceOf(SmartApiAuthException.class);
            client.profile(account, second.accessToken());
            assertThatThrownBy(() -> client.refresh(account, first)).isInstanceOf(SmartApiAuthException.class);
            client.logout(account, second.accessToken());
            assertThatThrownBy(() -> client.profile(account, second.accessToken())).isInstanceOf(SmartApiAuthException.class);
            for (TokenSet set : List.of(first, second)) {
                secrets.add(set.accessToken().value());
                secrets.add(set.refreshToken().value());
                secrets.add(set.feedToken().value());
            }
        }

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the wire log ran at TRACE").contains("--> POST").contains("<-- 200").contains("X-PrivateKey: ***");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            if (secret.contains(".")) {
                String signature = secret.substring(secret.lastIndexOf('.') + 1);
                assertThat(log).doesNotContain(signature.substring(0, Math.min(16, signature.length())));
            }
        }
        assertThat(log).doesNotContainPattern("\\b" + ACCOUNT.mpin() + "\\b");
        for (String code : codes) {
            assertThat(log).doesNotContainPattern("\\b" + code + "\\b");
        }
    }
}
