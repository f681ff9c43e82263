package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract over a key-file vault. */
class KeyFileSessionStoreTest extends SessionStorePortContract {

    @TempDir
    Path root;

    @Override
    protected SessionStorePort newStore() {
        Path key = root.resolve("keys").resolve("vault.key");
        if (!Files.exists(key)) {
            FileSessionStore.createKeyFile(key);
        }
        return FileSessionStore.builder(root.resolve("vault")).keyFile(key).build();
    }

    @Override
    protected SessionStorePort reopen(SessionStorePort store) {
        return newStore();
    }

    @Override
    protected SessionLeasePort newLease(SessionStorePort store) {
        return new FileSessionLease(((FileSessionStore) store).directory());
    }
}
