package io.github.smartapiauth.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.MemoryStore;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    private static final String SECRET_KEY = "sEcReTaPiKeY42";
    private static final String TOTP = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of(
            "SMARTAPI_API_KEY", SECRET_KEY,
            "SMARTAPI_CLIENT_CODE", "a1234567",
            "SMARTAPI_PIN", "4321",
            "SMARTAPI_TOTP_SECRET", TOTP,
            "SMARTAPI_STORE", "memory"));

    private SmartApiAuthConfig read(Map<Setting, String> flags, Optional<Path> file) {
        return ConfigReader.read(ConfigSources.of(flags, env, file));
    }

    private SmartApiAuthConfig read() {
        return read(Map.of(), Optional.empty());
    }

    @Test
    void readsAWholeAccountWithProductionDefaults() {
        SmartApiAuthConfig config = read();

        assertThat(config.firstAccount().credentials().clientCode().value()).isEqualTo("A1234567");
        assertThat(config.firstAccount().totpKey()).isPresent();
        assertThat(config.http().baseUrl()).hasToString("https://apiconnect.angelone.in");
        assertThat(config.http().readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.renewal().policy().dailyCutoff()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(config.store()).isInstanceOf(MemoryStore.class);
        assertThat(config.toString()).doesNotContain(SECRET_KEY).doesNotContain("4321").doesNotContain(TOTP);
    }

    @Test
    void aPropertiesFileWithOneBlockPerAccountConfiguresManyEachWithItsOwnKeyAndTotpSource() throws IOException {
        env.remove("SMARTAPI_CLIENT_CODE");
        env.remove("SMARTAPI_API_KEY");
        Path file = dir.resolve("accounts.properties");
        Files.writeString(file, String.join("\n",
                "SMARTAPI_READ_TIMEOUT=20s",
                "SMARTAPI_API_KEY=sharedAppKey1",
                "A1111111.SMARTAPI_PIN=1111",
                "B2222222.SMARTAPI_API_KEY=tenantTwoKey2",
                "B2222222.SMARTAPI_PIN=2222",
                "B2222222.SMARTAPI_TOTP_URI=otpauth://totp/AngelOne:B2222222?secret=" + TOTP + "&issuer=AngelOne",
                ""));

        SmartApiAuthConfig config = read(Map.of(), Optional.of(file));

        assertThat(config.accounts()).extracting(account -> account.credentials().clientCode().value())
                .containsExactly("A1111111", "B2222222");
        assertThat(config.accounts().get(0).credentials().apiKey().reveal()).as("the shared key").isEqualTo("sharedAppKey1");
        assertThat(config.accounts().get(0).credentials().pin().reveal()).isEqualTo("1111");
        assertThat(config.accounts().get(0).totpKey()).as("the shared TOTP secret from the environment").isPresent();
        assertThat(config.accounts().get(1).credentials().apiKey().reveal()).as("its own key").isEqualTo("tenantTwoKey2");
        assertThat(config.accounts().get(1).credentials().pin().reveal()).isEqualTo("2222");
        assertThat(config.accounts().get(1).totpKey()).as("its own TOTP URI, not ambiguous with the shared secret")
                .isPresent();
        assertThat(config.http().readTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anAccountBlockMayHoldOnlyPerAccountSettingsAndNoTopLevelClientCode() throws IOException {
        Path file = dir.resolve("accounts.properties");
        Files.writeString(file, "A1111111.SMARTAPI_READ_TIMEOUT=20s\n");
        assertThatThrownBy(() -> read(Map.of(), Optional.of(file))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 1").hasMessageContaining("an account block may hold only");

        Files.writeString(file, "A1111111.SMARTAPI_PIN=1111\n");
        assertThatThrownBy(() -> read(Map.of(), Optional.of(file))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_CLIENT_CODE is set").hasMessageNotContaining("1111");
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = dir.resolve("smartapi.properties");
        Files.writeString(file, "SMARTAPI_READ_TIMEOUT=20s\nSMARTAPI_CONNECT_TIMEOUT=3s\nSMARTAPI_CUTOFF=05:00\n");
        env.put("SMARTAPI_READ_TIMEOUT", "25s");

        SmartApiAuthConfig config = read(Map.of(Setting.READ_TIMEOUT, "30s"), Optional.of(file));

        assertThat(config.http().readTimeout()).as("flag").isEqualTo(Duration.ofSeconds(30));
        assertThat(config.http().connectTimeout()).as("file").isEqualTo(Duration.ofSeconds(3));
        assertThat(config.renewal().policy().dailyCutoff()).as("file").isEqualTo(LocalTime.of(5, 0));
        assertThat(config.renewal().policy().refreshMargin()).as("default").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theEnvironmentCanNameThePropertiesFile() throws IOException {
        Path file = dir.resolve("other.properties");
        Files.writeString(file, "SMARTAPI_EXPIRY_MARGIN=PT45S\n");
        env.put("SMARTAPI_CONFIG", file.toString());

        assertThat(read().renewal().policy().expiryMargin()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aMissingVariableIsNamedWithWhatIsExpected() {
        env.remove("SMARTAPI_API_KEY");

        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SMARTAPI_API_KEY is not set; expected the API key of your SmartAPI app");
    }

    @Test
    void aMalformedSecretIsNamedButNeverShown() {
        env.put("SMARTAPI_PIN", "98x6");

        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_PIN (from the environment variable SMARTAPI_PIN) is not valid")
                .hasMessageContaining("exactly 4 ASCII digits")
                .hasMessageNotContaining("98x6");
    }

    @Test
    void aMalformedTotpSecretIsNamedButNeverShown() {
        env.put("SMARTAPI_TOTP_SECRET", "GEZDGNBVGY3TQOJQ!EZDGNBVGY3TQOJQ");

        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_TOTP_SECRET")
                .hasMessageNotContaining("GEZDGNBVGY3TQOJQ");
    }

    @Test
    void malformedPlainValuesSayWhatIsExpected() {
        env.put("SMARTAPI_READ_TIMEOUT", "soon");
        assertThatThrownBy(this::read).hasMessageContaining("SMARTAPI_READ_TIMEOUT")
                .hasMessageContaining("not a duration like 30s");
        env.put("SMARTAPI_READ_TIMEOUT", "15s");
        env.put("SMARTAPI_MAC_ADDRESS", "zz");
        assertThatThrownBy(this::read).hasMessageContaining("SMARTAPI_MAC_ADDRESS");
        env.put("SMARTAPI_MAC_ADDRESS", "00:11:22:33:44:55");
        env.put("SMARTAPI_BASE_URL", "http://apiconnect.angelone.in");
        assertThatThrownBy(this::read).hasMessageContaining("SMARTAPI_BASE_URL").hasMessageContaining("plain HTTP");
        env.put("SMARTAPI_BASE_URL", "https://apiconnect.angelone.in");
        env.put("SMARTAPI_STORE", "redis");
        assertThatThrownBy(this::read).hasMessageContaining("SMARTAPI_STORE").hasMessageContaining("neither vault nor memory");
    }

    @Test
    void twoTotpSourcesOrTwoVaultKeysAreAmbiguous() {
        env.put("SMARTAPI_TOTP_URI", "otpauth://totp/Angel:A1?secret=" + TOTP);
        assertThatThrownBy(this::read).hasMessage("both SMARTAPI_TOTP_SECRET and SMARTAPI_TOTP_URI are set (the environment"
                + " variable SMARTAPI_TOTP_SECRET, the environment variable SMARTAPI_TOTP_URI); set only one TOTP source");
        env.remove("SMARTAPI_TOTP_URI");
        env.put("SMARTAPI_STORE", "vault");
        env.put("SMARTAPI_VAULT_PASSPHRASE", "correct horse");
        env.put("SMARTAPI_VAULT_KEY_FILE", dir.resolve("key").toString());
        assertThatThrownBy(this::read).hasMessageContaining("set only one vault key");
    }

    @Test
    void aSourceOfHigherPrecedenceWinsOverAnotherKindSetLower() throws IOException {
        env.put("SMARTAPI_STORE", "vault");
        env.put("SMARTAPI_VAULT_PASSPHRASE", "from the environment");
        Path keyFile = dir.resolve("vault.key");

        SmartApiAuthConfig config = read(Map.of(Setting.VAULT_KEY_FILE, keyFile.toString(),
                Setting.TOTP_URI, "otpauth://totp/Angel:A1?secret=" + TOTP), Optional.empty());

        VaultStore vault = (VaultStore) config.store();
        assertThat(vault.keyFile()).contains(keyFile);
        assertThat(vault.passphrase()).isEmpty();
        assertThat(config.firstAccount().totpKey()).isPresent();
    }

    @Test
    void absurdDurationsAndBadConnectTimeoutsAreNamed() {
        env.put("SMARTAPI_REFRESH_MARGIN", "9223372036854775807h");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_REFRESH_MARGIN");
        env.remove("SMARTAPI_REFRESH_MARGIN");
        env.put("SMARTAPI_CONNECT_TIMEOUT", "0s");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SMARTAPI_CONNECT_TIMEOUT");
    }

    @Test
    void withoutATotpSourceCodesAreTypedInAndWithoutAVaultKeyOneIsAskedFor() {
        env.remove("SMARTAPI_TOTP_SECRET");
        env.put("SMARTAPI_STORE", "vault");
        env.put("SMARTAPI_VAULT_DIR", dir.toString());

        SmartApiAuthConfig config = read();

        assertThat(config.firstAccount().totpKey()).isEmpty();
        assertThat(((VaultStore) config.store()).hasKey()).isFalse();
        assertThat(((VaultStore) config.store()).directory()).isEqualTo(dir);
    }

    @Test
    void anUnknownKeyInTheFileIsNamedByItsLineNumber() throws IOException {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "# settings\nSMARTAPI_CONNECT_TIMEOUT=3s\n\nSMARTAPI_READ_TIMOUT=20s\n");

        assertThatThrownBy(() -> read(Map.of(), Optional.of(file))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has an unknown key on line 4").hasMessageNotContaining("TIMOUT");
        assertThatThrownBy(() -> read(Map.of(), Optional.of(dir.resolve("missing.properties"))))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aRedisUriSelectsTheSharedStoreWithItsKeyFromAFileOrTheEnvironment() throws IOException {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 5);
        String base64 = java.util.Base64.getEncoder().encodeToString(key);
        Path keyFile = Files.writeString(dir.resolve("redis.key"), base64 + "\n");
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        env.put("SMARTAPI_STORE", "redis://:s3cretpw@redis.internal:6380/2");
        env.put("SMARTAPI_REDIS_KEY_FILE", keyFile.toString());

        SmartApiAuthConfig.RedisStore fromFile = (SmartApiAuthConfig.RedisStore) read().store();
        assertThat(fromFile.uri().getHost()).isEqualTo("redis.internal");
        assertThat(fromFile.uri().getPort()).isEqualTo(6380);
        assertThat(fromFile.key()).isEqualTo(key);
        assertThat(fromFile.toString()).doesNotContain("s3cretpw").doesNotContain(base64);

        env.remove("SMARTAPI_REDIS_KEY_FILE");
        env.put("SMARTAPI_REDIS_KEY", base64);
        assertThat(((SmartApiAuthConfig.RedisStore) read().store()).key()).isEqualTo(key);
    }

    @Test
    void aRedisKeyRingComesFromTheKeyFileOrTheSettingWithTheCurrentKeyFirst() throws IOException {
        byte[] current = new byte[32];
        byte[] older = new byte[32];
        java.util.Arrays.fill(current, (byte) 1);
        java.util.Arrays.fill(older, (byte) 2);
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        Path ring = Files.writeString(dir.resolve("ring.key"), base64.encodeToString(current) + "\n"
                + base64.encodeToString(older) + "\n");
        Files.setPosixFilePermissions(ring, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        env.put("SMARTAPI_STORE", "redis://redis.internal:6380");
        env.put("SMARTAPI_REDIS_KEY_FILE", ring.toString());

        SmartApiAuthConfig.RedisStore fromFile = (SmartApiAuthConfig.RedisStore) read().store();
        assertThat(fromFile.key()).isEqualTo(current);
        assertThat(fromFile.olderKeys()).singleElement().isEqualTo(older);
        assertThat(fromFile.toString()).contains("1 older key").doesNotContain(base64.encodeToString(older));

        env.remove("SMARTAPI_REDIS_KEY_FILE");
        env.put("SMARTAPI_REDIS_KEY", base64.encodeToString(current) + "," + base64.encodeToString(older));
        assertThat(((SmartApiAuthConfig.RedisStore) read().store()).keyRing()).hasSize(2);
    }

    @Test
    void aRedisStoreNeedsExactlyOneValidKey() throws IOException {
        env.put("SMARTAPI_STORE", "redis://127.0.0.1:6379");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_REDIS_KEY_FILE").hasMessageContaining("SMARTAPI_REDIS_KEY");

        env.put("SMARTAPI_REDIS_KEY", "bm90IDMyIGJ5dGVz");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_REDIS_KEY").hasMessageContaining("32")
                .hasMessageNotContaining("bm90IDMyIGJ5dGVz");

        env.put("SMARTAPI_REDIS_KEY_FILE", Files.writeString(dir.resolve("k"), "x").toString());
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class).hasMessageContaining("exactly one");
    }

    @Test
    void aLineHoldingOnlyASecretIsReportedByItsLineNumberNeverItsText() throws IOException {
        Path file = dir.resolve("pasted.properties");
        Files.writeString(file, "SMARTAPI_CONNECT_TIMEOUT=3s\nSMARTAPI_PIN=\\\n  4321\nsEcReTvAlUe77 and more\n");

        assertThatThrownBy(() -> read(Map.of(), Optional.of(file))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown key on line 4").hasMessageContaining("not shown")
                .hasMessageNotContaining("sEcReTvAlUe77").hasMessageNotContaining("4321");
    }

    @Test
    void aSentinelUriSelectsTheSharedStoreAndABadOneIsReportedWithoutItsPassword() {
        env.put("SMARTAPI_REDIS_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        env.put("SMARTAPI_STORE", "redis-sentinel://:s3cretpw@10.0.0.1:26379,10.0.0.2:26379/mymaster");
        SmartApiAuthConfig.RedisStore store = (SmartApiAuthConfig.RedisStore) read().store();
        assertThat(store.uri().getScheme()).isEqualTo("redis-sentinel");
        assertThat(store.toString()).contains("redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster")
                .doesNotContain("s3cretpw");

        env.put("SMARTAPI_STORE", "redis-sentinel://:s3cretpw@10.0.0.1:26379,10.0.0.2:26379");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_STORE").hasMessageContaining("names no master")
                .hasMessageNotContaining("s3cretpw");
    }

    @Test
    void aRedisUriThatIsNotAUriIsReportedWithoutItsPassword() {
        env.put("SMARTAPI_STORE", "redis://:s3cret pw@redis.internal:6380/2");
        env.put("SMARTAPI_REDIS_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SMARTAPI_STORE").hasMessageContaining("not a valid URI")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void everyFileHoldingASecretThatOthersCanReadIsWarnedAboutAndBothKeyFilesAreRefused() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path config = Files.writeString(dir.resolve("secrets.properties"), "SMARTAPI_PIN=4321\n");
        Path harmless = Files.writeString(dir.resolve("timeouts.properties"), "SMARTAPI_READ_TIMEOUT=20s\n");
        Path vaultKey = Files.write(dir.resolve("vault.key"), new byte[32]);
        Path redisKey = Files.writeString(dir.resolve("redis.key"),
                java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        Path totp = Files.writeString(dir.resolve("totp.txt"), TOTP + "\n");
        for (Path file : java.util.List.of(config, harmless, vaultKey, redisKey, totp)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        env.remove("SMARTAPI_PIN");
        env.remove("SMARTAPI_TOTP_SECRET");
        env.put("SMARTAPI_TOTP_FILE", totp.toString());

        assertThat(read(Map.of(), Optional.of(config)).warnings()).hasSize(2)
                .anyMatch(w -> w.contains("the configuration file " + config) && w.contains("chmod 600 " + config))
                .anyMatch(w -> w.contains("totp.txt") && w.contains("chmod 600"));
        env.put("SMARTAPI_PIN", "4321");
        assertThat(read(Map.of(), Optional.of(harmless)).warnings()).as("a file without secrets").hasSize(1)
                .allMatch(warning -> warning.contains("totp.txt"));
        env.put("SMARTAPI_STORE", "vault");
        env.put("SMARTAPI_VAULT_KEY_FILE", vaultKey.toString());
        assertThat(read().warnings()).anyMatch(w -> w.contains("the vault key file " + vaultKey) && w.contains("chmod 600"));
        env.remove("SMARTAPI_VAULT_KEY_FILE");
        env.put("SMARTAPI_STORE", "redis://redis.internal:6380");
        env.put("SMARTAPI_REDIS_KEY_FILE", redisKey.toString());
        // The two key files follow one rule: the vault's is refused when opened, the Redis one when read here.
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the Redis key file " + redisKey + " may be read by others")
                .hasMessageContaining("chmod 600");
        for (Path file : java.util.List.of(config, vaultKey, redisKey, totp)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(read(Map.of(), Optional.of(config)).warnings()).as("owner-only files").isEmpty();
    }
}
