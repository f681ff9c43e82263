package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.storage.FileSessionLease;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.domain.error.ConfigurationException;

/** The encrypted vault on disk, and a file lease beside it so processes sharing it renew one at a time. */
public final class VaultModule extends AbstractModule {

    private final VaultStore vault;

    public VaultModule(VaultStore vault) {
        this.vault = vault;
    }

    @Provides
    @Singleton
    FileSessionStore fileStore(OwnedResources owned) {
        FileSessionStore.Builder builder = FileSessionStore.builder(vault.directory()).argon2id(vault.kdf());
        if (vault.keyFile().isPresent()) {
            builder.keyFile(vault.keyFile().get());
        } else {
            builder.passphrase(vault.passphrase().orElseThrow(() -> new ConfigurationException(
                    "the vault " + vault.directory() + " needs a key; set SMARTAPI_VAULT_PASSPHRASE or"
                            + " SMARTAPI_VAULT_KEY_FILE, or use SMARTAPI_STORE=memory")));
        }
        return owned.register(builder.build());
    }

    @Override
    protected void configure() {
        com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(),
                io.github.smartapiauth.application.port.out.TotpLedgerPort.class).setBinding()
                .toInstance(new io.github.smartapiauth.adapter.storage.FileTotpLedger(vault.directory()));
    }

    @Provides
    SessionStorePort store(FileSessionStore store) {
        return store;
    }

    @Provides
    @Singleton
    SessionLeasePort lease() {
        return new FileSessionLease(vault.directory());
    }
}
