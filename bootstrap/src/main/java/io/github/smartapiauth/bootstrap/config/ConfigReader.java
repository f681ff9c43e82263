package io.github.smartapiauth.bootstrap.config;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.redis.RedisKeyMaterial;
import io.github.smartapiauth.adapter.redis.RedisSessions;
import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import io.github.smartapiauth.adapter.totp.LoadedTotpKey;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.config.ConfigSources.Value;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.Account;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.session.SessionPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw settings into a validated {@link SmartApiAuthConfig}. Every problem is a
 * {@link ConfigurationException} that names the setting, where its value came from and what
 * is expected, and never shows a secret value.
 */
public final class ConfigReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final ConfigSources sources;
    private final List<String> warnings = new ArrayList<>();

    private ConfigReader(ConfigSources sources) {
        this.sources = sources;
        warnings.addAll(sources.warnings());
    }

    /** The whole configuration; the TOTP source may be missing (then codes are typed in), and so may the vault key. */
    public static SmartApiAuthConfig read(ConfigSources sources) {
        return new ConfigReader(sources).config();
    }

    private SmartApiAuthConfig config() {
        HttpSettings http = http();
        return new SmartApiAuthConfig(accounts(), http, renewal(http), store(), warnings);
    }

    /**
     * One account from the settings, or one per account block of the properties file (each block's
     * name is its client code; a block's settings win over the shared ones).
     */
    private List<Account> accounts() {
        List<ConfigSources> blocks = sources.accountBlocks();
        if (blocks.isEmpty()) {
            return List.of(new Account(credentials(), totpKey()));
        }
        if (sources.isSet(Setting.CLIENT_CODE)) {
            throw new ConfigurationException("SMARTAPI_CLIENT_CODE is set (" + sources.get(Setting.CLIENT_CODE)
                    .orElseThrow().source() + ") and the configuration file has account blocks; with blocks, each"
                    + " block's name is its client code: remove SMARTAPI_CLIENT_CODE or add a block for it");
        }
        List<Account> accounts = new ArrayList<>();
        for (ConfigSources block : blocks) {
            ConfigReader reader = new ConfigReader(block);
            accounts.add(new Account(reader.credentials(), reader.totpKey()));
            warnings.addAll(reader.warnings);
        }
        return accounts;
    }

    private Credentials credentials() {
        ApiKey apiKey = parse(Setting.API_KEY, ApiKey::of);
        ClientCode clientCode = parse(Setting.CLIENT_CODE, ClientCode::of);
        Pin pin = parse(Setting.PIN, Pin::of);
        return new Credentials(apiKey, clientCode, pin);
    }

    /** The vault's directory alone (for commands that need nothing else, such as discarding the vault). */
    public static Path vaultDirectory(ConfigSources sources) {
        ConfigReader reader = new ConfigReader(sources);
        return reader.parse(Setting.VAULT_DIR, reader::expandHome);
    }

    /** Only the TOTP key, for commands that need nothing else (the {@code totp} command). */
    public static Optional<TotpKey> readTotpKey(ConfigSources sources) {
        ConfigReader reader = new ConfigReader(sources);
        return reader.totpKey();
    }

    /**
     * The one of {@code alternatives} set at the highest precedence (a flag beats an environment
     * variable beats the file); two at the same precedence are ambiguous.
     */
    private Optional<Setting> chosen(List<Setting> alternatives, String what) {
        List<Setting> given = new ArrayList<>();
        int best = -1;
        for (Setting setting : alternatives) {
            if (!sources.isSet(setting)) {
                continue;
            }
            int precedence = sources.get(setting).orElseThrow().precedence();
            if (precedence > best) {
                given.clear();
                best = precedence;
            }
            if (precedence == best) {
                given.add(setting);
            }
        }
        if (given.size() > 1) {
            throw new ConfigurationException("both " + given.get(0).variable() + " and " + given.get(1).variable()
                    + " are set (" + sources.get(given.get(0)).orElseThrow().source() + ", "
                    + sources.get(given.get(1)).orElseThrow().source() + "); set only one " + what);
        }
        return given.stream().findFirst();
    }

    private Optional<TotpKey> totpKey() {
        Optional<Setting> chosen = chosen(List.of(Setting.TOTP_SECRET, Setting.TOTP_URI, Setting.TOTP_FILE), "TOTP source");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Setting setting = chosen.get();
        TotpKeyLoader loader = new TotpKeyLoader(name -> null, TotpParameters.smartApi());
        LoadedTotpKey loaded = parse(setting, text -> switch (setting) {
            case TOTP_SECRET -> loader.fromBase32(text);
            case TOTP_URI -> loader.fromUri(text);
            default -> loader.fromFile(Path.of(text));
        });
        warnings.addAll(loaded.warnings());
        return Optional.of(loaded.key());
    }

    private HttpSettings http() {
        HttpSettings base = parse(Setting.BASE_URL, HttpSettings::forBaseUrl);
        Duration connect = duration(Setting.CONNECT_TIMEOUT);
        Duration read = duration(Setting.READ_TIMEOUT);
        String localIp = parse(Setting.CLIENT_LOCAL_IP,
                ip -> base.withClientIdentity(ip, HttpSettings.DEFAULT_IP, HttpSettings.DEFAULT_MAC).clientLocalIp());
        String publicIp = parse(Setting.CLIENT_PUBLIC_IP,
                ip -> base.withClientIdentity(HttpSettings.DEFAULT_IP, ip, HttpSettings.DEFAULT_MAC).clientPublicIp());
        String mac = parse(Setting.MAC_ADDRESS,
                m -> base.withClientIdentity(HttpSettings.DEFAULT_IP, HttpSettings.DEFAULT_IP, m).macAddress());
        parse(Setting.CONNECT_TIMEOUT, any -> base.withTimeouts(connect, base.readTimeout()));
        HttpSettings timed = parse(Setting.READ_TIMEOUT, any -> base.withTimeouts(connect, read));
        return timed.withClientIdentity(localIp, publicIp, mac).withPacing(bool(Setting.PACING));
    }

    /** The renewal deadline is derived from the HTTP timeouts: no caller waits longer than a renewal can take. */
    private RenewalSettings renewal(HttpSettings http) {
        Duration refresh = duration(Setting.REFRESH_MARGIN);
        Duration expiry = duration(Setting.EXPIRY_MARGIN);
        LocalTime cutoff = parse(Setting.CUTOFF, LocalTime::parse);
        ZoneId zone = parse(Setting.CUTOFF_ZONE, ZoneId::of);
        requireConsistentMargins(refresh, expiry);
        SessionPolicy policy = parse(Setting.REFRESH_MARGIN,
                any -> SessionPolicy.defaults().withMargins(refresh, expiry).withCutoff(cutoff, zone));
        return RenewalSettings.defaults().withPolicy(policy).withDeadlineFor(brokerCallLimit(http));
    }

    /**
     * The margins must leave a session a useful life: the token is refreshed (refresh margin) before it is
     * withheld (expiry margin), and neither reaches a day, the longest SmartAPI session. Both are named,
     * with where they came from, since either may be the one to change.
     */
    private void requireConsistentMargins(Duration refresh, Duration expiry) {
        String both = Setting.REFRESH_MARGIN.variable() + " (" + refresh + ", from " + sourceOf(Setting.REFRESH_MARGIN)
                + ") and " + Setting.EXPIRY_MARGIN.variable() + " (" + expiry + ", from " + sourceOf(Setting.EXPIRY_MARGIN)
                + ")";
        if (refresh.compareTo(expiry) <= 0) {
            throw new ConfigurationException(both + " contradict each other: the session would be withheld before it"
                    + " is refreshed; make the expiry margin shorter than the refresh margin (defaults 30s and 5m)");
        }
        if (refresh.compareTo(Duration.ofDays(1)) >= 0) {
            throw new ConfigurationException(both + " contradict a SmartAPI session, which lasts at most a day: every"
                    + " session would be due for refresh from the start; use margins of minutes (defaults 30s and 5m)");
        }
    }

    private String sourceOf(Setting setting) {
        return sources.get(setting).map(Value::source).orElse("no source");
    }

    /** The longest one broker call may take: connect, answer, and at most one second waiting for the pacer. */
    static Duration brokerCallLimit(HttpSettings http) {
        return http.connectTimeout().plus(http.readTimeout()).plus(http.pacing() ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    private SmartApiAuthConfig.Store store() {
        String kind = text(Setting.STORE).toLowerCase(Locale.ROOT);
        if (kind.equals("memory")) {
            return new SmartApiAuthConfig.MemoryStore();
        }
        if (kind.startsWith("redis://") || kind.startsWith("rediss://") || kind.startsWith("redis-sentinel://")
                || kind.startsWith("rediss-sentinel://")) {
            return redisStore();
        }
        if (!kind.equals("vault")) {
            throw invalid(Setting.STORE, "is neither vault nor memory, nor a redis://, rediss://, redis-sentinel:// or"
                    + " rediss-sentinel:// URI");
        }
        Path directory = parse(Setting.VAULT_DIR, this::expandHome);
        Optional<Setting> key = chosen(List.of(Setting.VAULT_PASSPHRASE, Setting.VAULT_KEY_FILE), "vault key");
        Optional<char[]> passphrase = key.filter(Setting.VAULT_PASSPHRASE::equals)
                .flatMap(sources::get).map(value -> value.text().toCharArray());
        Optional<Path> keyFile = key.filter(Setting.VAULT_KEY_FILE::equals)
                .flatMap(sources::get).map(value -> expandHome(value.text()));
        keyFile.flatMap(file -> SecretFiles.warningFor(file, "the vault key file")).ifPresent(warnings::add);
        return new SmartApiAuthConfig.VaultStore(directory, passphrase, keyFile, Argon2idParameters.defaults());
    }

    private SmartApiAuthConfig.RedisStore redisStore() {
        URI uri = parse(Setting.STORE, text -> {
            URI parsed;
            try {
                parsed = new URI(text.trim());
            } catch (URISyntaxException e) {
                // e's message quotes the whole URI, password included: only the reason goes on.
                throw new IllegalArgumentException("it is not a valid URI (" + e.getReason() + ")");
            }
            // Checks hosts (or sentinels), master and database; its messages never show the password.
            RedisSessions.describe(parsed);
            return parsed;
        });
        boolean file = sources.isSet(Setting.REDIS_KEY_FILE);
        boolean inline = sources.isSet(Setting.REDIS_KEY);
        if (file == inline) {
            throw new ConfigurationException("a redis:// store needs the key that seals sessions: set exactly one of "
                    + Setting.REDIS_KEY_FILE.variable() + " and " + Setting.REDIS_KEY.variable() + " (every process"
                    + " sharing the store uses the same key; make one with: head -c 32 /dev/urandom | base64)");
        }
        // The Redis key file, like the vault key file, is refused (not warned about) when others may read it.
        List<byte[]> ring = file ? parse(Setting.REDIS_KEY_FILE, text -> RedisKeyMaterial.ringFromFile(expandHome(text)))
                : parse(Setting.REDIS_KEY, RedisKeyMaterial::ringFromBase64);
        try {
            return new SmartApiAuthConfig.RedisStore(uri, ring.get(0), ring.subList(1, ring.size()));
        } finally {
            ring.forEach(key -> java.util.Arrays.fill(key, (byte) 0));
        }
    }

    private <T> T parse(Setting setting, Function<String, T> parser) {
        Value value = sources.get(setting).orElseThrow(() -> new ConfigurationException(setting.variable()
                + " is not set; expected " + setting.description() + " (set the environment variable " + setting.variable()
                + ", or that key in the properties file named by " + ConfigSources.CONFIG_FILE_VARIABLE + ")"));
        try {
            return parser.apply(value.text());
        } catch (ConfigurationException | IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new ConfigurationException(setting.variable() + " (from " + value.source() + ") is not valid: "
                    + e.getMessage() + "; expected " + setting.description());
        }
    }

    private String text(Setting setting) {
        return parse(setting, text -> text);
    }

    private Duration duration(Setting setting) {
        return parse(setting, ConfigReader::parseDuration);
    }

    private boolean bool(Setting setting) {
        return parse(setting, text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new IllegalArgumentException("it is neither true nor false");
            }
            return lower.equals("true");
        });
    }

    private ConfigurationException invalid(Setting setting, String problem) {
        String source = sources.get(setting).map(Value::source).orElse("no source");
        return new ConfigurationException(setting.variable() + " (from " + source + ") " + problem + "; expected "
                + setting.description());
    }

    /** {@code 1500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 like {@code PT30S}. */
    static Duration parseDuration(String text) {
        String trimmed = text.trim();
        Matcher matcher = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a duration like 30s, 5m or PT30S");
        }
    }

    /** {@code ~} and {@code ~/...} under the user's home ({@code HOME}, as a shell reads it). */
    private Path expandHome(String path) {
        String trimmed = path.trim();
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            return sources.home().resolve(trimmed.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(trimmed);
    }
}
