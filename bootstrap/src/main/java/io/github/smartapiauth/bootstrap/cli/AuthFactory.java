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
import io.github.smartapiauth.domain.error.InvalidTotpException;
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
    /** How many times a person may type a passphrase or a TOTP code that is refused. */
    static final int TRIES = 3;

    private final List<SmartApiAuthException> storeFailures = new CopyOnWriteArrayList<>();
    /** The vault passphrase was typed at the terminal (so a wrong one may be typed again). */
    private boolean typedPassphrase;
    /** TOTP codes are typed in (no TOTP secret is configured). */
    private boolean typedCodes;

    AuthFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    /** A store problem met while the command ran (the session then lives only in memory), if any. */
    Optional<SmartApiAuthException> storeFailure() {
        return storeFailures.stream().findFirst();
    }

    private boolean json;

    /** Whether --json was given (the root command sets it before a subcommand runs). */
    boolean json() {
        return json;
    }

    void json(boolean json) {
        this.json = json;
    }

    /**
     * The properties file: {@code --config}, else {@code SMARTAPI_CONFIG} (read by the sources), else the
     * first that exists of {@code $XDG_CONFIG_HOME/smartapi-auth/config.properties} and
     * {@code ~/.smartapi-auth/config.properties}.
     */
    java.util.Optional<java.nio.file.Path> configFile(ConfigOptions options) {
        return options.configFile().or(() -> environment.variables().containsKey(ConfigSources.CONFIG_FILE_VARIABLE)
                ? java.util.Optional.empty() : ConfigDiscovery.find(environment.variables()));
    }

    SmartApiAuthConfig config(ConfigOptions options) {
        SmartApiAuthConfig config = ConfigReader.read(
                ConfigSources.of(options.flags(), environment.variables(), configFile(options)));
        config.warnings().forEach(warning -> environment.err().println("warning: " + warning));
        typedCodes = config.accounts().stream().anyMatch(account -> account.totpKey().isEmpty());
        return config.store() instanceof VaultStore vault && !vault.hasKey() ? withVaultKey(config, vault) : config;
    }

    /** The TOTP key alone: the {@code totp} command needs neither the API key nor the vault. */
    Optional<TotpKey> totpKey(ConfigOptions options) {
        return ConfigReader.readTotpKey(ConfigSources.of(options.flags(), environment.variables(), configFile(options)));
    }

    SmartApiAuth open(ConfigOptions options) {
        return open(config(options));
    }

    SmartApiAuth open(SmartApiAuthConfig configured) {
        SmartApiAuthConfig config = configured;
        for (int attempt = 1; ; attempt++) {
            SmartApiAuth auth = build(config);
            if (!typedPassphrase || attempt == TRIES || !refusesThePassphrase(auth)) {
                return auth;
            }
            auth.close();
            environment.err().println("Wrong passphrase for the vault; try again (" + (attempt + 1) + "/" + TRIES + ").");
            config = withVaultKey(config, ((VaultStore) config.store()).withoutPassphrase());
        }
    }

    private SmartApiAuth build(SmartApiAuthConfig config) {
        SmartApiAuth.Builder builder = SmartApiAuth.builder().config(config).clock(environment.clock())
                .sleeper(new WaitPrinter(environment.sleeper(), environment.err()))
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

    /** Whether the vault refuses the passphrase (the one way a stored session cannot be read that typing again fixes). */
    private static boolean refusesThePassphrase(SmartApiAuth auth) {
        return auth.accounts().stream().anyMatch(account -> auth.account(account).status().storeProblem()
                .map(problem -> String.valueOf(problem.getMessage()).contains("wrong passphrase")).orElse(false));
    }

    /**
     * Runs a command that may log in; a TOTP code typed at the terminal that the broker refuses is
     * asked for again (three tries in all), and a last refusal says the typed code was wrong, not the
     * TOTP secret (there is none configured).
     */
    <T> T typedCodeTries(SmartApiAuth auth, java.util.function.Supplier<T> command) {
        boolean typed = environment.terminal().isPresent() && typedCodes;
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (InvalidTotpException refused) {
                if (!typed) {
                    throw refused;
                }
                String code = refused.brokerCode().map(c -> " (" + c + ")").orElse("");
                if (attempt == TRIES) {
                    throw new InvalidTotpException("SmartAPI refused the TOTP code typed in" + code + ", " + TRIES
                            + " times; type the code your authenticator app shows now for this account", null);
                }
                environment.err().println("SmartAPI refused the code typed in" + code + "; type the new one when asked ("
                        + (attempt + 1) + "/" + TRIES + ").");
            }
        }
    }

    /**
     * The facade for a command that may call the broker, once the store has been shown to open (or to
     * be new): a wrong vault passphrase or key is a configuration error before any network call, so
     * the broker never issues a session that could not be kept.
     */
    SmartApiAuth openForTheBroker(ConfigOptions options) {
        return openForTheBroker(config(options));
    }

    SmartApiAuth openForTheBroker(SmartApiAuthConfig config) {
        SmartApiAuth auth = open(config);
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

    /**
     * The configuration with a passphrase typed at the terminal: asked twice for a new vault (a typo would
     * lock the session away), three tries when the two differ.
     */
    private SmartApiAuthConfig withVaultKey(SmartApiAuthConfig config, VaultStore vault) {
        Terminal terminal = environment.terminal().orElseThrow(() -> new ConfigurationException("the vault "
                + vault.directory() + " needs a key; set SMARTAPI_VAULT_PASSPHRASE or SMARTAPI_VAULT_KEY_FILE (or run in"
                + " a terminal to be asked), or use SMARTAPI_STORE=memory"));
        boolean isNew = !VaultFiles.exist(vault.directory());
        for (int attempt = 1; ; attempt++) {
            char[] passphrase = typed(terminal, (isNew ? "New vault passphrase for " : "Vault passphrase for ")
                    + vault.directory() + ": ");
            if (isNew) {
                char[] again = typed(terminal, "Repeat it: ");
                boolean same = java.util.Arrays.equals(passphrase, again);
                java.util.Arrays.fill(again, '\0');
                if (!same) {
                    java.util.Arrays.fill(passphrase, '\0');
                    if (attempt == TRIES) {
                        throw new ConfigurationException("the two passphrases differed " + TRIES + " times; nothing"
                                + " was created in " + vault.directory());
                    }
                    environment.err().println("The two passphrases differ; try again (" + (attempt + 1) + "/" + TRIES
                            + ").");
                    continue;
                }
            }
            typedPassphrase = true;
            return new SmartApiAuthConfig(config.accounts(), config.http(), config.renewal(),
                    vault.withPassphrase(passphrase), config.warnings());
        }
    }

    private char[] typed(Terminal terminal, String prompt) {
        return terminal.readSecret(prompt).map(AuthFactory::trimmed).filter(typed -> typed.length > 0)
                .orElseThrow(() -> new ConfigurationException("no vault passphrase was typed; type one, or set"
                        + " SMARTAPI_VAULT_PASSPHRASE or SMARTAPI_VAULT_KEY_FILE, or use SMARTAPI_STORE=memory"));
    }
}
