package io.github.smartapiauth.bootstrap.cli;

import com.google.inject.AbstractModule;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;

/**
 * Without a TOTP secret and without a terminal to type a code in: commands that need no login
 * (status, logout of a stored session) still work; a login says what to configure.
 */
final class MissingTotpModule extends AbstractModule {

    private final ClientCode account;

    MissingTotpModule(ClientCode account) {
        this.account = account;
    }

    @Override
    protected void configure() {
        bind(OneTimePasswordPort.class).toInstance((code, instant) -> {
            throw new ConfigurationException("logging in " + account + " needs a TOTP code: set SMARTAPI_TOTP_SECRET,"
                    + " SMARTAPI_TOTP_URI or SMARTAPI_TOTP_FILE, or run in a terminal to type the code");
        });
    }
}
