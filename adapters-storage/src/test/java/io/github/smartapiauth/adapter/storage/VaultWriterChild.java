package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.nio.file.Path;

/**
 * Child JVM of {@link CrashTest}: continues the numbered sessions of the vault and saves
 * new ones as fast as it can until killed. Prints {@code ready N} after its first save.
 */
public final class VaultWriterChild {

    private VaultWriterChild() {
    }

    public static void main(String[] args) {
        ClientCode account = TestSessions.A;
        FileSessionStore store = FileSessionStore.builder(Path.of(args[0])).keyFile(Path.of(args[1])).build();
        long n = store.load(account).map(TestSessions::numberOf).orElse(0L);
        n++;
        TestSessions.save(store, TestSessions.session(account, n));
        System.out.println("ready " + n);
        System.out.flush();
        while (true) {
            n++;
            TestSessions.save(store, TestSessions.session(account, n));
        }
    }
}
