package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.error.ConfigurationException;

/** TOTP codes generated from each account's secret. */
public final class GeneratedTotpModule extends AbstractModule {

    @Provides
    @Singleton
    GeneratedTotpAdapter generated(SmartApiAuthConfig config, OwnedResources owned) {
        GeneratedTotpAdapter.Builder builder = GeneratedTotpAdapter.builder();
        for (SmartApiAuthConfig.Account account : config.accounts()) {
            builder.account(account.credentials().clientCode(), account.totpKey().orElseThrow(
                    () -> new ConfigurationException("no TOTP secret for " + account.credentials().clientCode()
                            + "; set SMARTAPI_TOTP_SECRET, SMARTAPI_TOTP_URI or SMARTAPI_TOTP_FILE")));
        }
        return owned.register(builder.build());
    }

    @Provides
    OneTimePasswordPort oneTimePasswords(GeneratedTotpAdapter generated) {
        return generated;
    }
}
