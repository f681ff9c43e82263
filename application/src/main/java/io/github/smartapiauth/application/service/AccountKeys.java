package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.AccountSpec;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;

/**
 * What one account renews with: its credentials, TOTP source and broker adapters, and a generation
 * that grows with every replacement, so a renewal begun under older keys never saves or publishes.
 */
record AccountKeys(Credentials credentials, OneTimePasswordPort codes, AuthenticationPort authentication,
                   ProfilePort profiles, long generation) {

    static AccountKeys of(AccountSpec spec, CoreDependencies core, long generation) {
        return new AccountKeys(spec.credentials(), spec.codes().orElse(core.oneTimePasswords()),
                spec.authentication().orElse(core.authentication()), spec.profiles().orElse(core.profiles()),
                generation);
    }

    AccountKeys replacedBy(AccountSpec spec, CoreDependencies core) {
        return of(spec, core, generation + 1);
    }

    @Override
    public String toString() {
        return "AccountKeys[" + credentials.clientCode() + ", generation " + generation + "]";
    }
}
