package io.github.smartapiauth.bootstrap;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter;
import io.github.smartapiauth.adapter.totp.TotpGenerator;
import io.github.smartapiauth.application.port.in.AccountSpec;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.bootstrap.AccountSetup.ClientIdentity;
import io.github.smartapiauth.bootstrap.AccountSetup.FromSecret;
import io.github.smartapiauth.bootstrap.AccountSetup.Supplied;
import io.github.smartapiauth.bootstrap.AccountSetup.TypedIn;
import io.github.smartapiauth.bootstrap.wiring.OwnedResources;
import io.github.smartapiauth.bootstrap.wiring.TypedTotpModule;
import java.time.Clock;

/**
 * Turns an {@link AccountSetup} into what the core renews with: a TOTP source of the account's own
 * and, for its own identity headers, an HTTP client of its own. Everything built is registered to
 * be closed with the facade.
 */
final class AccountAdapters {

    private final HttpSettings http;
    private final Clock clock;
    private final OwnedResources owned;
    private final MetricsPort metrics;

    AccountAdapters(HttpSettings http, Clock clock, OwnedResources owned, MetricsPort metrics) {
        this.metrics = metrics;
        this.http = http;
        this.clock = clock;
        this.owned = owned;
    }

    AccountSpec specFor(AccountSetup setup) {
        AccountSpec spec = AccountSpec.of(setup.credentials()).withCodes(codesFor(setup));
        if (setup.identity().isPresent()) {
            ClientIdentity identity = setup.identity().get();
            SmartApiHttpClient own = owned.register(new SmartApiHttpClient(
                    http.withClientIdentity(identity.localIp(), identity.publicIp(), identity.macAddress()), metrics));
            spec = spec.withBroker(own, own);
        }
        return spec;
    }

    private OneTimePasswordPort codesFor(AccountSetup setup) {
        if (setup.totp() instanceof FromSecret secret) {
            return owned.register(GeneratedTotpAdapter.of(setup.clientCode(), TotpGenerator.of(secret.key())));
        }
        if (setup.totp() instanceof Supplied supplied) {
            return supplied.port();
        }
        if (setup.totp() instanceof TypedIn) {
            return TypedTotpModule.onConsoleWhenNeeded(clock);
        }
        throw new IllegalStateException("unknown TOTP source " + setup.totp().getClass().getSimpleName());
    }
}
