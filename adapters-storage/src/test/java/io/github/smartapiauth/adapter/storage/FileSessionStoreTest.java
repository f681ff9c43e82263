package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract over a passphrase vault (cheap Argon2id). */
class FileSessionStoreTest extends SessionStorePortContract {

    @TempDir
    Path root;

    @Override
    protected SessionStorePort newStore() {
        return FileSessionStore.builder(root.resolve("vault")).passphrase("correct horse".toCharArray())
                .argon2id(TestSessions.CHEAP).build();
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
