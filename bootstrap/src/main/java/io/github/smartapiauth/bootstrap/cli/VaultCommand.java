package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault rekey} (change the passphrase, every file re-encrypted atomically), {@code vault reset --yes}
 * (discard a vault that cannot be read) and {@code vault keygen FILE} (a new random key file).
 */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Manage the encrypted session vault.")
final class VaultCommand {

    static final String NEW_PASSPHRASE_VARIABLE = "SMARTAPI_NEW_VAULT_PASSPHRASE";

    private final CliEnvironment environment;
    private final AuthFactory factory;

    VaultCommand(CliEnvironment environment, AuthFactory factory) {
        this.environment = environment;
        this.factory = factory;
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true,
            description = "Change the vault passphrase (the new one from " + NEW_PASSPHRASE_VARIABLE
                    + " or asked twice at the terminal).")
    int rekey(@Mixin ConfigOptions options) {
        SmartApiAuthConfig config = factory.config(options);
        if (!(config.store() instanceof VaultStore vault)) {
            throw new ConfigurationException("SMARTAPI_STORE is memory; there is no vault to rekey");
        }
        if (vault.passphrase().isEmpty()) {
            throw new ConfigurationException("the vault is keyed by a key file; rekey works on passphrase vaults");
        }
        requireVaultFiles(vault);
        try (FileSessionStore store = FileSessionStore.builder(vault.directory()).passphrase(vault.passphrase().get())
                .argon2id(vault.kdf()).build()) {
            // The old passphrase is checked before the new one is asked for (a wrong one fails here, exit 1).
            config.accounts().forEach(account -> store.load(account.credentials().clientCode()));
            char[] newPassphrase = newPassphrase();
            try {
                store.changePassphrase(newPassphrase);
            } finally {
                Arrays.fill(newPassphrase, '\0');
            }
        } finally {
            Arrays.fill(vault.passphrase().get(), '\0');
        }
        print("The vault in " + vault.directory() + " now opens with the new passphrase.",
                new Json().put("vault", vault.directory().toString()).put("rekeyed", true));
        return SmartApiAuthCli.OK;
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Discard the vault (its .vault files), e.g. when its passphrase is lost; the next login"
                    + " makes a new one. Needs --yes.",
                    "The broker sessions it held live on until SmartAPI's daily cut-off."},
            footerHeading = "%nExamples:%n", footer = "  smartapi-auth vault reset --yes --vault-dir ~/.smartapi-auth")
    int reset(@Mixin ConfigOptions options,
              @Option(names = "--yes", description = "Really discard the stored sessions.") boolean yes) {
        if (!yes) {
            throw new ConfigurationException("vault reset discards every stored session and cannot be undone; add"
                    + " --yes to go ahead");
        }
        java.nio.file.Path directory = vaultDirectory(options);
        int removed = VaultFiles.discard(directory);
        if (removed == 0) {
            throw new ConfigurationException("there is no vault to reset in " + directory + " (no .vault files);"
                    + " check SMARTAPI_VAULT_DIR");
        }
        print("Discarded " + removed + " vault file(s) in " + directory + "; the next login makes a new vault.",
                new Json().put("vault", directory.toString()).put("discarded", removed));
        return SmartApiAuthCli.OK;
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new random 32-byte vault key to FILE, readable by you only (0600); never"
                    + " replaces an existing file. Then set SMARTAPI_VAULT_KEY_FILE=FILE.",
            footerHeading = "%nExamples:%n", footer = "  smartapi-auth vault keygen ~/.config/smartapi-auth/vault.key")
    int keygen(@Parameters(paramLabel = "FILE", description = "Where to write the key.") java.nio.file.Path file) {
        if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigurationException(file + " exists; keygen never replaces a key (a vault may need it):"
                    + " choose another file");
        }
        FileSessionStore.createKeyFile(file);
        print("Wrote a new vault key to " + file + " (0600). Use it with SMARTAPI_VAULT_KEY_FILE=" + file
                + "; keep a copy where you keep secrets: without it the vault cannot be opened.",
                new Json().put("keyFile", file.toAbsolutePath().toString()));
        return SmartApiAuthCli.OK;
    }

    /** The vault's directory from the settings alone: neither a key nor the credentials are needed to discard it. */
    private java.nio.file.Path vaultDirectory(ConfigOptions options) {
        return io.github.smartapiauth.bootstrap.config.ConfigReader.vaultDirectory(
                io.github.smartapiauth.bootstrap.config.ConfigSources.of(options.flags(), environment.variables(),
                        factory.configFile(options)));
    }

    private void print(String text, Json json) {
        environment.out().println(factory.json() ? json.toString() : text);
    }

    /** Nothing to rekey is a mistake worth naming, not a success. */
    private static void requireVaultFiles(VaultStore vault) {
        boolean any = VaultFiles.exist(vault.directory());
        if (!any) {
            throw new ConfigurationException("there is no vault to rekey in " + vault.directory() + " (no .vault"
                    + " files); check SMARTAPI_VAULT_DIR, or log in first: a new vault takes the passphrase it is"
                    + " created with");
        }
    }

    private char[] newPassphrase() {
        String fromEnvironment = environment.variables().get(NEW_PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim().toCharArray();
        }
        Terminal terminal = environment.terminal().orElseThrow(() -> new ConfigurationException(
                "no new passphrase: set " + NEW_PASSPHRASE_VARIABLE + " or run in a terminal to be asked"));
        char[] first = AuthFactory.trimmed(terminal.readSecret("New vault passphrase: ").orElse(new char[0]));
        char[] second = AuthFactory.trimmed(terminal.readSecret("Repeat it: ").orElse(new char[0]));
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (first.length == 0 || !same) {
            Arrays.fill(first, '\0');
            throw new ConfigurationException(first.length == 0 ? "the new passphrase is empty" : "the two passphrases differ");
        }
        return first;
    }
}
