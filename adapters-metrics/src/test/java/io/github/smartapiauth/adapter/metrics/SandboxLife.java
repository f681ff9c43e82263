package io.github.smartapiauth.adapter.metrics;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.AccountSetup;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The demo account, a sandbox on a clock of the test's, and the facade over it (with or without meters). */
final class SandboxLife implements AutoCloseable {

    static final SandboxAccount ACCOUNT = SandboxAccount.demo();

    final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));
    final SmartApiSandbox sandbox;
    final SmartApiAuth auth;

    SandboxLife(Optional<MetricsPort> metrics, boolean pacing) {
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(clock).rateLimits(false).build();
        sandbox.start();
        SmartApiAuth.Builder builder = SmartApiAuth.builder().config(config(pacing)).clock(clock)
                .sleeper(clock::advance);
        metrics.ifPresent(builder::metrics);
        auth = builder.build();
    }

    private SmartApiAuthConfig config(boolean pacing) {
        return new SmartApiAuthConfig(List.of(new SmartApiAuthConfig.Account(credentials(ACCOUNT.mpin()),
                Optional.of(key()))), HttpSettings.forBaseUrl(sandbox.baseUri()).withPacing(pacing),
                RenewalSettings.defaults(), new SmartApiAuthConfig.MemoryStore(), List.of());
    }

    static Credentials credentials(String mpin) {
        return new Credentials(ApiKey.of(ACCOUNT.apiKey()), ClientCode.of(ACCOUNT.clientCode()), Pin.of(mpin));
    }

    static TotpKey key() {
        return new TotpKeyLoader(name -> null, TotpParameters.smartApi()).fromBase32(ACCOUNT.totpSecret()).key();
    }

    /** The account with another MPIN (a wrong one makes the next login fail), or the right one back. */
    void replaceMpin(String mpin) {
        auth.replaceCredentials(AccountSetup.of(credentials(mpin), AccountSetup.TotpSource.fromSecret(key())));
    }

    @Override
    public void close() {
        auth.close();
        sandbox.close();
    }
}
