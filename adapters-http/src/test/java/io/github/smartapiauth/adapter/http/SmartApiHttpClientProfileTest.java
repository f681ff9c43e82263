package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.application.contract.ProfilePortContract;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link SmartApiHttpClient} keeps the profile contract against the sandbox over loopback HTTP. */
class SmartApiHttpClientProfileTest extends ProfilePortContract {

    private SandboxFixture fixture;

    @BeforeEach
    void startSandbox() {
        fixture = new SandboxFixture();
    }

    @AfterEach
    void stopSandbox() {
        fixture.close();
    }

    @Override
    protected ProfilePort profiles() {
        return fixture.client;
    }

    @Override
    protected Credentials credentials() {
        return SandboxFixture.credentials();
    }

    @Override
    protected TokenSet openSession() {
        fixture.nextStep();
        return fixture.client.login(SandboxFixture.credentials(),
                TotpCode.of(SandboxFixture.ACCOUNT.totpAt(fixture.clock.instant())));
    }

    @Override
    protected void revokeSessions() {
        fixture.sandbox.revokeSessions(SandboxFixture.ACCOUNT.clientCode());
    }
}
