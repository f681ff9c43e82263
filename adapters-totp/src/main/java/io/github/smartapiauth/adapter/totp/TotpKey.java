package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.credential.TotpSecret;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOTP secret with the parameters its codes use, and the names an authenticator app shows.
 * {@code toString()} never shows the secret. Call {@link #wipe()} once a generator was made.
 *
 * @param secret the raw key
 * @param parameters algorithm, digits, period, T0
 * @param issuer the provider named in a key URI, e.g. {@code Angel One}
 * @param accountName the account named in a key URI's label
 */
public record TotpKey(TotpSecret secret, TotpParameters parameters, Optional<String> issuer,
        Optional<String> accountName) {

    public TotpKey {
        Objects.requireNonNull(secret, "secret is required");
        Objects.requireNonNull(parameters, "parameters are required");
        Objects.requireNonNull(issuer, "issuer is required (use Optional.empty())");
        Objects.requireNonNull(accountName, "accountName is required (use Optional.empty())");
    }

    /** A bare secret with SmartAPI's parameters and no names. */
    public static TotpKey of(TotpSecret secret) {
        return new TotpKey(secret, TotpParameters.smartApi(), Optional.empty(), Optional.empty());
    }

    public void wipe() {
        secret.wipe();
    }

    @Override
    public String toString() {
        return "TotpKey[secret=redacted, parameters=" + parameters + ", issuer=" + issuer.orElse("-")
                + ", accountName=" + accountName.orElse("-") + "]";
    }
}
