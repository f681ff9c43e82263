package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import java.time.Clock;

/**
 * TOTP codes chosen per account: generated for every account that has a secret, typed in at the
 * console only for those that have none. One account without a secret never turns the others into
 * console prompts.
 */
public final class PerAccountTotpModule extends AbstractModule {

    @Provides
    @Singleton
    GeneratedTotpAdapter generated(SmartApiAuthConfig config, OwnedResources owned) {
        GeneratedTotpAdapter.Builder builder = GeneratedTotpAdapter.builder();
        for (SmartApiAuthConfig.Account account : config.accounts()) {
            account.totpKey().ifPresent(key -> builder.account(account.credentials().clientCode(), key));
        }
        return owned.register(builder.build());
    }

    @Provides
    @Singleton
    OneTimePasswordPort oneTimePasswords(GeneratedTotpAdapter generated, @Internal Clock clock) {
        OneTimePasswordPort typed = TypedTotpModule.onConsoleWhenNeeded(clock);
        return (account, instant) -> generated.hasAccount(account)
                ? generated.codeAt(account, instant)
                : typed.codeAt(account, instant);
    }
}
