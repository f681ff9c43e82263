package io.github.smartapiauth.bootstrap;

import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import java.util.Objects;
import java.util.Optional;

/**
 * One account as a platform hands it to {@link SmartApiAuth#addAccount(AccountSetup)} or
 * {@link SmartApiAuth#replaceCredentials(AccountSetup)}: its credentials (its own API key: each tenant
 * usually has its own SmartAPI app), where its TOTP codes come from, and its own identity headers
 * where they differ from the configured ones.
 *
 * <pre>{@code
 * auth.addAccount(AccountSetup.of(credentials, TotpSource.fromSecret(key)));
 * auth.addAccount(AccountSetup.of(credentials, TotpSource.typedIn()).withIdentity(identity));
 * }</pre>
 */
public record AccountSetup(Credentials credentials, TotpSource totp, Optional<ClientIdentity> identity) {

    public AccountSetup {
        Objects.requireNonNull(credentials, "the account's credentials are required");
        Objects.requireNonNull(totp, "the account's TOTP source is required");
        Objects.requireNonNull(identity, "identity");
    }

    public static AccountSetup of(Credentials credentials, TotpSource totp) {
        return new AccountSetup(credentials, totp, Optional.empty());
    }

    public ClientCode clientCode() {
        return credentials.clientCode();
    }

    /** The same account sending its own identity headers. */
    public AccountSetup withIdentity(ClientIdentity ownIdentity) {
        return new AccountSetup(credentials, totp, Optional.of(ownIdentity));
    }

    @Override
    public String toString() {
        return "AccountSetup[" + credentials.clientCode() + ", " + totp.getClass().getSimpleName() + "]";
    }

    /** Where an account's TOTP codes come from. */
    public sealed interface TotpSource permits FromSecret, TypedIn, Supplied {

        /** Generated from the account's TOTP secret. */
        static TotpSource fromSecret(TotpKey key) {
            return new FromSecret(key);
        }

        /** Typed in by a person at the console when a login needs one. */
        static TotpSource typedIn() {
            return new TypedIn();
        }

        /** From the platform's own source (a vault, an HSM, a test double). */
        static TotpSource supplied(OneTimePasswordPort port) {
            return new Supplied(port);
        }
    }

    /** Codes generated from the account's secret; the key is wiped when the facade closes. */
    public record FromSecret(TotpKey key) implements TotpSource {
        public FromSecret {
            Objects.requireNonNull(key, "the TOTP key is required");
        }

        @Override
        public String toString() {
            return "FromSecret[redacted]";
        }
    }

    /** Codes typed in by a person. */
    public record TypedIn() implements TotpSource {
    }

    /** Codes from the platform's own port. */
    public record Supplied(OneTimePasswordPort port) implements TotpSource {
        public Supplied {
            Objects.requireNonNull(port, "the one-time password port is required");
        }
    }

    /**
     * The client-identity headers of one account, where they differ from the configured ones.
     *
     * @param localIp {@code X-ClientLocalIP}
     * @param publicIp {@code X-ClientPublicIP} (the static IP registered for the account)
     * @param macAddress {@code X-MACAddress}
     */
    public record ClientIdentity(String localIp, String publicIp, String macAddress) {
        public ClientIdentity {
            Objects.requireNonNull(localIp, "localIp");
            Objects.requireNonNull(publicIp, "publicIp");
            Objects.requireNonNull(macAddress, "macAddress");
        }
    }
}
