package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.bootstrap.config.Setting;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The configuration flags every session command takes; they override environment variables and the file. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with SMARTAPI_* keys.")
    Path configFile;

    @Option(names = "--client-code", paramLabel = "CODE", description = "The Angel One client code (SMARTAPI_CLIENT_CODE).")
    String clientCode;

    @Option(names = "--base-url", paramLabel = "URL", description = "The SmartAPI REST root (SMARTAPI_BASE_URL).")
    String baseUrl;

    @Option(names = "--store", paramLabel = "STORE", description = "vault, memory or redis://... (SMARTAPI_STORE).")
    String store;

    @Option(names = "--vault-dir", paramLabel = "DIR", description = "The vault's directory (SMARTAPI_VAULT_DIR).")
    String vaultDir;

    @Option(names = "--vault-key-file", paramLabel = "FILE", description = "A 32-byte vault key file (SMARTAPI_VAULT_KEY_FILE).")
    String vaultKeyFile;

    @Option(names = "--totp-file", paramLabel = "FILE", description = "A file with the TOTP secret or URI (SMARTAPI_TOTP_FILE).")
    String totpFile;

    @Option(names = {"-s", "--set"}, paramLabel = "NAME=VALUE",
            description = "Any other setting, e.g. --set SMARTAPI_READ_TIMEOUT=20s. Prefer environment variables for secrets.")
    Map<String, String> settings = new LinkedHashMap<>();

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        settings.forEach((name, value) -> {
            Setting setting = settingNamed(name);
            requireNotEmpty("--set " + setting.variable() + "=", setting, value);
            flags.put(setting, value);
        });
        putIfSet(flags, Setting.CLIENT_CODE, clientCode);
        putIfSet(flags, Setting.BASE_URL, baseUrl);
        putIfSet(flags, Setting.STORE, store);
        putIfSet(flags, Setting.VAULT_DIR, vaultDir);
        putIfSet(flags, Setting.VAULT_KEY_FILE, vaultKeyFile);
        putIfSet(flags, Setting.TOTP_FILE, totpFile);
        return flags;
    }

    private static void putIfSet(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            requireNotEmpty(setting.flag(), setting, value);
            flags.put(setting, value);
        }
    }

    /** A flag given with nothing ({@code --vault-dir ''}) is a mistake, not a request for the default. */
    private static void requireNotEmpty(String flag, Setting setting, String value) {
        if (value.isBlank()) {
            throw new ConfigurationException(flag + " is empty; expected " + setting.description()
                    + ", or leave the flag out" + (setting.defaultValue().isEmpty() ? "" : " for the default ("
                    + setting.defaultValue() + ")"));
        }
    }

    private static Setting settingNamed(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Setting setting : Setting.values()) {
            if (setting.variable().equals(key) || setting.name().equals(key)) {
                return setting;
            }
        }
        throw new ConfigurationException("--set " + name + ": unknown setting; expected a name like SMARTAPI_READ_TIMEOUT"
                + " (see the README's configuration table)");
    }
}
