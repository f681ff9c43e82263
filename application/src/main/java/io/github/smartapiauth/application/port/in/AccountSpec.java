package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import java.util.Objects;
import java.util.Optional;

/**
 * One account as the core needs it: its credentials (client code, its own API key, MPIN) and, where
 * they differ from the core's defaults, its own TOTP source and its own broker adapters (e.g. an HTTP
 * client sending this account's identity headers).
 */
public record AccountSpec(Credentials credentials, Optional<OneTimePasswordPort> codes,
                          Optional<AuthenticationPort> authentication, Optional<ProfilePort> profiles) {

    public AccountSpec {
        Objects.requireNonNull(credentials, "the account's credentials are required");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(profiles, "profiles");
    }

    /** The account with the core's default TOTP source and broker adapters. */
    public static AccountSpec of(Credentials credentials) {
        return new AccountSpec(credentials, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ClientCode clientCode() {
        return credentials.clientCode();
    }

    /** The same account with its own TOTP source. */
    public AccountSpec withCodes(OneTimePasswordPort ownCodes) {
        return new AccountSpec(credentials, Optional.of(ownCodes), authentication, profiles);
    }

    /** The same account with its own broker adapters. */
    public AccountSpec withBroker(AuthenticationPort ownAuthentication, ProfilePort ownProfiles) {
        return new AccountSpec(credentials, codes, Optional.of(ownAuthentication), Optional.of(ownProfiles));
    }

    @Override
    public String toString() {
        return "AccountSpec[" + credentials.clientCode() + "]";
    }
}
