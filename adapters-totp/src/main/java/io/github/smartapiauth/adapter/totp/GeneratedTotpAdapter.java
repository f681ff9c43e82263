package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link OneTimePasswordPort} that computes the codes from each account's TOTP secret.
 * Thread-safe. {@link #close()} closes every generator, wiping the keys.
 *
 * <pre>{@code
 * GeneratedTotpAdapter totp = GeneratedTotpAdapter.builder()
 *         .account(ClientCode.of("A1234567"), loader.fromEnvironment("SMARTAPI_TOTP_SECRET").key())
 *         .build();
 * TotpCode code = totp.codeAt(ClientCode.of("A1234567"), clock.instant());
 * }</pre>
 */
public final class GeneratedTotpAdapter implements OneTimePasswordPort, AutoCloseable {

    private final Map<ClientCode, TotpGenerator> generators;

    private GeneratedTotpAdapter(Map<ClientCode, TotpGenerator> generators) {
        this.generators = Map.copyOf(generators);
    }

    /** An adapter over ready generators; it takes ownership of them (closing it closes them). */
    public static GeneratedTotpAdapter of(Map<ClientCode, TotpGenerator> generators) {
        Objects.requireNonNull(generators, "generators are required");
        return new GeneratedTotpAdapter(generators);
    }

    public static GeneratedTotpAdapter of(ClientCode account, TotpGenerator generator) {
        return of(Map.of(account, generator));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TotpCode codeAt(ClientCode account, Instant instant) {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(instant, "instant is required");
        TotpGenerator generator = generators.get(account);
        if (generator == null) {
            throw new ConfigurationException("no TOTP secret is configured for account " + account
                    + "; add the account's secret (environment variable, file or otpauth:// URI)"
                    + " or have the code typed in for it");
        }
        return generator.codeAt(instant);
    }

    /** Whether a secret is configured for {@code account}. */
    public boolean hasAccount(ClientCode account) {
        return generators.containsKey(account);
    }

    @Override
    public void close() {
        generators.values().forEach(TotpGenerator::close);
    }

    @Override
    public String toString() {
        return "GeneratedTotpAdapter" + generators.keySet();
    }

    /** Collects one secret per account. */
    public static final class Builder {

        private final Map<ClientCode, TotpGenerator> generators = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a generator made from {@code key}; the key is copied and may be wiped afterwards. */
        public Builder account(ClientCode account, TotpKey key) {
            Objects.requireNonNull(account, "account is required");
            rejectDuplicate(account);
            return account(account, TotpGenerator.of(key));
        }

        public Builder account(ClientCode account, TotpGenerator generator) {
            Objects.requireNonNull(account, "account is required");
            Objects.requireNonNull(generator, "generator is required");
            rejectDuplicate(account);
            generators.put(account, generator);
            return this;
        }

        private void rejectDuplicate(ClientCode account) {
            if (generators.containsKey(account)) {
                throw new IllegalArgumentException("account " + account + " was given two TOTP secrets; give one");
            }
        }

        public GeneratedTotpAdapter build() {
            return new GeneratedTotpAdapter(generators);
        }
    }
}
