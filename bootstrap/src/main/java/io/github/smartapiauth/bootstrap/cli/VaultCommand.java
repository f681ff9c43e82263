package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vault rekey}: change the vault's passphrase, every file re-encrypted atomically. */
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
        environment.out().println("The vault in " + vault.directory() + " now opens with the new passphrase.");
        return SmartApiAuthCli.OK;
    }

    /** Nothing to rekey is a mistake worth naming, not a success. */
    private static void requireVaultFiles(VaultStore vault) {
        boolean any;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(vault.directory())) {
            any = files.anyMatch(file -> file.getFileName().toString().endsWith(".vault"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            any = false;
        }
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
