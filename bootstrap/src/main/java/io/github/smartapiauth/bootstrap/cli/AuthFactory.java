package io.github.smartapiauth.bootstrap.cli;

import com.google.inject.Module;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.SmartApiAuthModule;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.bootstrap.wiring.HttpModule;
import io.github.smartapiauth.bootstrap.wiring.TypedTotpModule;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds the facade for a CLI command: reads the configuration, prints its warnings, and asks
 * at the terminal for what is not configured (the vault passphrase, TOTP codes).
 */
final class AuthFactory {

    private final CliEnvironment environment;
    private final List<SmartApiAuthException> storeFailures = new CopyOnWriteArrayList<>();

    AuthFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    /** A store problem met while the command ran (the session then lives only in memory), if any. */
    Optional<SmartApiAuthException> storeFailure() {
        return storeFailures.stream().findFirst();
    }

    SmartApiAuthConfig config(ConfigOptions options) {
        SmartApiAuthConfig config = ConfigReader.read(
                ConfigSources.of(options.flags(), environment.variables(), options.configFile()));
        config.warnings().forEach(warning -> environment.err().println("warning: " + warning));
        return withVaultKey(config);
    }

    /** The TOTP key alone: the {@code totp} command needs neither the API key nor the vault. */
    Optional<TotpKey> totpKey(ConfigOptions options) {
        return ConfigReader.readTotpKey(ConfigSources.of(options.flags(), environment.variables(), options.configFile()));
    }

    SmartApiAuth open(ConfigOptions options) {
        SmartApiAuthConfig config = config(options);
        SmartApiAuth.Builder builder = SmartApiAuth.builder().config(config).clock(environment.clock())
                .listener(event -> {
                    if (event instanceof SessionEvent.StoreFailed failed) {
                        storeFailures.add(failed.error());
                    }
                });
        if (config.firstAccount().totpKey().isEmpty()) {
            Module typed = environment.terminal()
                    .map(terminal -> (Module) TypedTotpModule.over(terminal.reader(), terminal.writer()))
                    .orElseGet(() -> new MissingTotpModule(config.firstAccount().credentials().clientCode()));
            builder.adapters(List.of(new HttpModule(), typed, SmartApiAuthModule.storeModuleFor(config))
                    .toArray(Module[]::new));
        }
        return builder.build();
    }

    /**
     * The facade for a command that may call the broker, once the store has been shown to open (or to
     * be new): a wrong vault passphrase or key is a configuration error before any network call, so
     * the broker never issues a session that could not be kept.
     */
    SmartApiAuth openForTheBroker(ConfigOptions options) {
        SmartApiAuth auth = open(options);
        try {
            for (var account : auth.accounts()) {
                auth.account(account).status().storeProblem().ifPresent(problem -> {
                    throw new ConfigurationException(problem.getMessage() + " (the broker was not called)");
                });
            }
            return auth;
        } catch (RuntimeException unusable) {
            auth.close();
            throw unusable;
        }
    }

    /** Passphrases are trimmed wherever they come from, as environment values are, so both open the same vault. */
    static char[] trimmed(char[] typed) {
        int start = 0;
        int end = typed.length;
        while (start < end && Character.isWhitespace(typed[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(typed[end - 1])) {
            end--;
        }
        char[] result = java.util.Arrays.copyOfRange(typed, start, end);
        java.util.Arrays.fill(typed, '\0');
        return result;
    }

    private SmartApiAuthConfig withVaultKey(SmartApiAuthConfig config) {
        if (!(config.store() instanceof VaultStore vault) || vault.hasKey()) {
            return config;
        }
        char[] passphrase = environment.terminal()
                .flatMap(terminal -> terminal.readSecret("Vault passphrase for " + vault.directory() + ": "))
                .map(AuthFactory::trimmed)
                .filter(typed -> typed.length > 0)
                .orElseThrow(() -> new ConfigurationException("the vault " + vault.directory() + " needs a key; set"
                        + " SMARTAPI_VAULT_PASSPHRASE or SMARTAPI_VAULT_KEY_FILE (or run in a terminal to be asked),"
                        + " or use SMARTAPI_STORE=memory"));
        return new SmartApiAuthConfig(config.accounts(), config.http(), config.renewal(), vault.withPassphrase(passphrase),
                config.warnings());
    }
}
