package io.github.smartapiauth.bootstrap.config;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.domain.credential.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to wire the library, validated. Read it with {@link ConfigReader}, or build it
 * in code.
 *
 * @param accounts one or more accounts
 * @param http how to reach SmartAPI
 * @param renewal margins, cut-off, retries
 * @param store where sessions are kept
 * @param warnings things worth telling the user (e.g. a secret file readable by others)
 */
public record SmartApiAuthConfig(List<Account> accounts, HttpSettings http, RenewalSettings renewal, Store store,
                                 List<String> warnings) {

    public SmartApiAuthConfig {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("at least one account is required");
        }
        Objects.requireNonNull(http, "http settings are required");
        Objects.requireNonNull(renewal, "renewal settings are required");
        Objects.requireNonNull(store, "store is required");
        warnings = List.copyOf(warnings);
    }

    public Account firstAccount() {
        return accounts.get(0);
    }

    /**
     * One account: its credentials and, unless the code is typed in by a person, its TOTP key.
     *
     * @param totpKey empty when the code is typed in
     */
    public record Account(Credentials credentials, Optional<TotpKey> totpKey) {

        public Account {
            Objects.requireNonNull(credentials, "credentials are required");
            Objects.requireNonNull(totpKey, "totpKey is required (Optional.empty() to type codes in)");
        }
    }

    /** Where sessions are kept. */
    public sealed interface Store {
    }

    /**
     * Shared through Redis by every process that uses the same {@code uri} and key: one session per
     * account, renewed by one process at a time.
     *
     * @param uri {@code redis://[:password@]host[:port][/database]} or {@code rediss://...}, or through Redis
     *     Sentinel {@code redis-sentinel://[:password@]host1:26379,host2:26379/master[/database]} (or
     *     {@code rediss-sentinel://}); may hold a password
     * @param key the 32-byte key that seals sessions before they reach Redis
     * @param olderKeys keys of earlier rotations, which still open values they sealed (none by default)
     */
    public record RedisStore(URI uri, byte[] key, List<byte[]> olderKeys) implements Store {

        public RedisStore {
            Objects.requireNonNull(uri, "uri is required");
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(olderKeys, "olderKeys is required (List.of() when none)");
            key = key.clone();
            olderKeys = olderKeys.stream().map(byte[]::clone).toList();
        }

        /** A store with one key and no older ones. */
        public RedisStore(URI uri, byte[] key) {
            this(uri, key, List.of());
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public List<byte[]> olderKeys() {
            return olderKeys.stream().map(byte[]::clone).toList();
        }

        /** The key ring: the current key first, then the older ones. */
        public List<byte[]> keyRing() {
            List<byte[]> ring = new java.util.ArrayList<>();
            ring.add(key());
            ring.addAll(olderKeys());
            return ring;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RedisStore that && uri.equals(that.uri)
                    && java.security.MessageDigest.isEqual(key, that.key) && olderKeys.size() == that.olderKeys.size()
                    && java.util.stream.IntStream.range(0, olderKeys.size()).allMatch(
                            i -> java.security.MessageDigest.isEqual(olderKeys.get(i), that.olderKeys.get(i)));
        }

        @Override
        public int hashCode() {
            return uri.hashCode();
        }

        @Override
        public String toString() {
            return "RedisStore[" + io.github.smartapiauth.adapter.redis.RedisSessions.describe(uri)
                    + ", key set" + (olderKeys.isEmpty() ? "" : ", " + olderKeys.size() + " older key(s)") + "]";
        }
    }

    /** Kept in memory only: every restart logs in again. */
    public record MemoryStore() implements Store {
    }

    /**
     * The encrypted vault in {@code directory}, keyed by a passphrase or a key file.
     *
     * @param passphrase empty when a key file is used or the passphrase is to be asked for
     */
    public record VaultStore(Path directory, Optional<char[]> passphrase, Optional<Path> keyFile,
                             Argon2idParameters kdf) implements Store {

        public VaultStore {
            Objects.requireNonNull(directory, "directory is required");
            Objects.requireNonNull(passphrase, "passphrase is required (Optional.empty() when not set)");
            Objects.requireNonNull(keyFile, "keyFile is required (Optional.empty() when not set)");
            Objects.requireNonNull(kdf, "kdf is required");
        }

        public VaultStore withPassphrase(char[] typed) {
            return new VaultStore(directory, Optional.of(typed), keyFile, kdf);
        }

        /** The same vault with no passphrase yet (one is to be asked for again). */
        public VaultStore withoutPassphrase() {
            passphrase.ifPresent(chars -> java.util.Arrays.fill(chars, '\0'));
            return new VaultStore(directory, Optional.empty(), keyFile, kdf);
        }

        public boolean hasKey() {
            return passphrase.isPresent() || keyFile.isPresent();
        }

        @Override
        public String toString() {
            return "VaultStore[" + directory + (keyFile.isPresent() ? ", key file" : passphrase.isPresent()
                    ? ", passphrase" : ", no key yet") + "]";
        }
    }
}
