package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static io.github.smartapiauth.adapter.storage.TestSessions.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key derivation once per salt, strong defaults, raised costs, passphrase changes. */
class VaultKeysTest {

    @TempDir
    Path root;

    private FileSessionStore store(String passphrase, Argon2idParameters cost) {
        return FileSessionStore.builder(root.resolve("vault")).passphrase(passphrase.toCharArray()).argon2id(cost)
                .build();
    }

    private VaultHeader header(ClientCode account) throws IOException {
        return VaultHeader.parse(Files.readAllBytes(root.resolve("vault").resolve(account.value() + ".vault")));
    }

    @Test
    void withoutSettingsNewVaultsUseRfc9106SecondOption() throws IOException {
        FileSessionStore store = FileSessionStore.builder(root.resolve("vault")).passphrase("p".toCharArray()).build();
        TestSessions.save(store, TestSessions.session(A, 1));
        KdfSpec.Argon2id kdf = (KdfSpec.Argon2id) header(A).kdf();
        assertThat(kdf.parameters()).isEqualTo(Argon2idParameters.RFC_9106_SECOND);
        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(1);
        assertThat(store.keyDerivations()).isEqualTo(1);
    }

    @Test
    void theKeyIsDerivedOncePerProcessNotPerReadOrWrite() throws IOException {
        FileSessionStore writer = store("p", TestSessions.CHEAP);
        for (int n = 1; n <= 5; n++) {
            TestSessions.save(writer, TestSessions.session(A, n));
            TestSessions.save(writer, TestSessions.session(B, n));
            writer.load(A);
            writer.load(B);
        }
        assertThat(writer.keyDerivations()).isEqualTo(1);
        assertThat(header(A).kdf()).isEqualTo(header(B).kdf());

        // A restarted process derives the key of the salt on disk once and keeps writing with it.
        FileSessionStore restarted = store("p", TestSessions.CHEAP);
        restarted.load(A);
        TestSessions.save(restarted, TestSessions.session(A, 6));
        restarted.load(B);
        TestSessions.save(restarted, TestSessions.session(B, 6));
        assertThat(restarted.keyDerivations()).isEqualTo(1);
    }

    @Test
    void everyWriteHasAFreshNonce() throws IOException {
        FileSessionStore store = store("p", TestSessions.CHEAP);
        java.util.Set<String> nonces = new java.util.HashSet<>();
        for (int n = 0; n < 20; n++) {
            TestSessions.save(store, TestSessions.session(A, 1));
            nonces.add(java.util.HexFormat.of().formatHex(header(A).nonce()));
        }
        assertThat(nonces).hasSize(20);
    }

    @Test
    void raisedCostsApplyOnTheNextSaveWithANewSalt() throws IOException {
        TestSessions.save(store("p", TestSessions.CHEAP), TestSessions.session(A, 1));
        KdfSpec.Argon2id before = (KdfSpec.Argon2id) header(A).kdf();

        Argon2idParameters raised = new Argon2idParameters(128, 2, 1);
        FileSessionStore stronger = store("p", raised);
        assertThat(TestSessions.numberOf(stronger.load(A).orElseThrow())).isEqualTo(1);
        TestSessions.save(stronger, TestSessions.session(A, 2));

        KdfSpec.Argon2id after = (KdfSpec.Argon2id) header(A).kdf();
        assertThat(after.parameters()).isEqualTo(raised);
        assertThat(after.salt()).isNotEqualTo(before.salt());
        assertThat(TestSessions.numberOf(store("p", raised).load(A).orElseThrow())).isEqualTo(2);
    }

    @Test
    void aVaultStrongerThanConfiguredKeepsItsKey() throws IOException {
        Argon2idParameters strong = new Argon2idParameters(128, 2, 1);
        TestSessions.save(store("p", strong), TestSessions.session(A, 1));
        KdfSpec before = header(A).kdf();
        FileSessionStore weaker = store("p", TestSessions.CHEAP);
        weaker.load(A);
        TestSessions.save(weaker, TestSessions.session(A, 2));
        assertThat(header(A).kdf()).isEqualTo(before);
    }

    @Test
    void changingThePassphraseReEncryptsEveryVault() throws IOException {
        FileSessionStore store = store("old passphrase", TestSessions.CHEAP);
        TestSessions.save(store, TestSessions.session(A, 1));
        TestSessions.save(store, TestSessions.session(B, 2));
        char[] next = "new passphrase".toCharArray();
        store.changePassphrase(next);
        java.util.Arrays.fill(next, '\0');

        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(1);
        TestSessions.save(store, TestSessions.session(A, 3));
        FileSessionStore withNew = store("new passphrase", TestSessions.CHEAP);
        assertThat(TestSessions.numberOf(withNew.load(A).orElseThrow())).isEqualTo(3);
        assertThat(TestSessions.numberOf(withNew.load(B).orElseThrow())).isEqualTo(2);
        assertThatThrownBy(() -> store("old passphrase", TestSessions.CHEAP).load(B))
                .isExactlyInstanceOf(SessionStoreException.class).hasMessageContaining("wrong passphrase");
        try (var files = Files.list(root.resolve("vault"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".lock")))
                    .as("no temp file left").containsExactlyInAnyOrder("A1234567.vault", "B7654321.vault");
        }
    }

    @Test
    void anInterruptedChangeIsFinishedByRunningItAgain() throws IOException {
        TestSessions.save(store("old", TestSessions.CHEAP), TestSessions.session(A, 1));
        TestSessions.save(store("new", TestSessions.CHEAP), TestSessions.session(B, 2));
        FileSessionStore store = store("old", TestSessions.CHEAP);
        store.changePassphrase("new".toCharArray());
        FileSessionStore withNew = store("new", TestSessions.CHEAP);
        assertThat(TestSessions.numberOf(withNew.load(A).orElseThrow())).isEqualTo(1);
        assertThat(TestSessions.numberOf(withNew.load(B).orElseThrow())).isEqualTo(2);
    }

    @Test
    void anUnreadableVaultStopsTheChangeWithNothingChanged() throws IOException {
        FileSessionStore store = store("old", TestSessions.CHEAP);
        TestSessions.save(store, TestSessions.session(A, 1));
        TestSessions.save(store("someone else's", TestSessions.CHEAP), TestSessions.session(B, 2));
        byte[] a = Files.readAllBytes(store.fileOf(A));
        byte[] b = Files.readAllBytes(store.fileOf(B));
        assertThatThrownBy(() -> store.changePassphrase("new".toCharArray()))
                .isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("the passphrase was not changed")
                .hasMessageContaining(store.fileOf(B).toString());
        assertThat(Files.readAllBytes(store.fileOf(A))).isEqualTo(a);
        assertThat(Files.readAllBytes(store.fileOf(B))).isEqualTo(b);
        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(1);
    }

    @Test
    void aClosedStoreHasForgottenItsKeys() {
        FileSessionStore store = store("p", TestSessions.CHEAP);
        TestSessions.save(store, TestSessions.session(A, 1));
        store.close();
        assertThatThrownBy(() -> store.load(A)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
