package io.github.smartapiauth.reliability;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A started sandbox serving the sentinel account on a clock the test moves, a vault directory,
 * and facades built the production way (real HTTP, real vault, generated TOTP), only with a
 * cheap Argon2id and the given clock and sleeper.
 */
final class World implements AutoCloseable {

    /** Cheap enough for hundreds of vaults; the format and code path are the production ones. */
    static final Argon2idParameters CHEAP_KDF = new Argon2idParameters(64, 1, 1);
    static final ClientCode ACCOUNT = ClientCode.of(Sentinels.CLIENT_CODE);

    final Clock clock;
    final SmartApiSandbox sandbox;
    final URI baseUrl;
    final Path vaultDir;

    World(Clock clock, Path vaultDir, SmartApiSandbox.Builder sandbox) {
        this.clock = clock;
        this.vaultDir = vaultDir;
        this.sandbox = sandbox.account(Sentinels.ACCOUNT).clock(clock).build();
        this.baseUrl = this.sandbox.start();
    }

    static Credentials credentials() {
        return new Credentials(ApiKey.of(Sentinels.API_KEY), ACCOUNT, Pin.of(Sentinels.MPIN));
    }

    HttpSettings http(Duration readTimeout, boolean pacing) {
        return HttpSettings.forBaseUrl(baseUrl).withTimeouts(Duration.ofSeconds(2), readTimeout).withPacing(pacing);
    }

    SmartApiAuthConfig config(HttpSettings http, RenewalSettings renewal) {
        SmartApiAuthConfig.Account account = new SmartApiAuthConfig.Account(credentials(),
                Optional.of(new TotpKeyLoader(name -> null, TotpParameters.smartApi()).fromBase32(Sentinels.TOTP_SECRET)
                        .key()));
        SmartApiAuthConfig.VaultStore vault = new SmartApiAuthConfig.VaultStore(vaultDir,
                Optional.of(Sentinels.VAULT_PASSPHRASE.toCharArray()), Optional.empty(), CHEAP_KDF);
        return new SmartApiAuthConfig(List.of(account), http, renewal, vault, List.of());
    }

    SmartApiAuth facade(HttpSettings http, RenewalSettings renewal, Sleeper sleeper) {
        return SmartApiAuth.builder().config(config(http, renewal)).clock(clock).sleeper(sleeper).build();
    }

    /** A second, independent reader of the vault, as a restarted process would open it. */
    FileSessionStore reopenVault() {
        return FileSessionStore.builder(vaultDir).passphrase(Sentinels.VAULT_PASSPHRASE.toCharArray())
                .argon2id(CHEAP_KDF).build();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
