package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static io.github.smartapiauth.adapter.storage.TestSessions.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad vault gives a clear, secret-free error naming the file and the cause, and is kept. */
class VaultErrorsTest {

    private static final String PASSPHRASE = "the right passphrase";
    /** Offsets of a passphrase vault's header fields (docs/vault-format.md). */
    private static final int VERSION = 8;
    private static final int CIPHER = 9;
    private static final int KDF = 10;
    private static final int MEMORY = 11;
    private static final int ITERATIONS = 15;
    private static final int PARALLELISM = 19;
    private static final int SALT_LENGTH = 23;
    private static final int NONCE_LENGTH = 48;
    private static final int CIPHERTEXT_LENGTH = 61;

    @TempDir
    Path root;

    private Path directory;
    private Path file;
    private byte[] original;

    @BeforeEach
    void writeAVault() throws IOException {
        directory = root.resolve("vault");
        FileSessionStore writer = store(PASSPHRASE);
        TestSessions.save(writer, TestSessions.session(A, 1));
        file = writer.fileOf(A);
        original = Files.readAllBytes(file);
    }

    private FileSessionStore store(String passphrase) {
        return FileSessionStore.builder(directory).passphrase(passphrase.toCharArray()).argon2id(TestSessions.CHEAP)
                .build();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(FileSessionStore reader) throws IOException {
        byte[] before = Files.readAllBytes(file);
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(() -> reader.load(A))
                .isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("cannot open the vault " + file)
                .hasMessageNotContaining(PASSPHRASE)
                .hasMessageNotContaining("access-").hasMessageNotContaining("refresh-");
        assertThatThrownBy(() -> TestSessions.save(reader, TestSessions.session(A, 2))).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("will not overwrite the vault " + file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        return failure;
    }

    private void patch(Consumer<ByteBuffer> change) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(original.clone());
        change.accept(bytes);
        Files.write(file, bytes.array());
    }

    @Test
    void aWrongPassphraseSaysSoAndNeverOverwrites() throws IOException {
        assertLoadFails(store("a wrong passphrase")).hasMessageContaining("wrong passphrase");
    }

    @Test
    void aModifiedCiphertextSaysTheFileWasModified() throws IOException {
        patch(b -> b.put(b.limit() - 1, (byte) (b.get(b.limit() - 1) ^ 1)));
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("the file was modified");
    }

    @Test
    void anEmptyFile() throws IOException {
        Files.write(file, new byte[0]);
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("the file is empty");
    }

    @Test
    void aForeignFile() throws IOException {
        Files.writeString(file, "{\"jwtToken\": \"not a vault\"}");
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("not a smartapi-auth vault");
    }

    @Test
    void aFileFarLargerThanAnyVault() throws IOException {
        Files.write(file, new byte[VaultHeader.MAX_FILE_LENGTH + 1]);
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("far more than any vault");
    }

    @Test
    void aTruncatedFile() throws IOException {
        Files.write(file, java.util.Arrays.copyOf(original, original.length - 5));
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("announces");
    }

    @Test
    void anUnknownVersionIsRefusedBeforeAnyKeyDerivation() throws IOException {
        patch(b -> b.put(VERSION, (byte) 2));
        FileSessionStore reader = store(PASSPHRASE);
        assertLoadFails(reader).hasMessageContaining("vault format version 2");
        assertThat(reader.keyDerivations()).isZero();
    }

    @Test
    void anUnknownCipherOrKdfIsRefusedBeforeAnyKeyDerivation() throws IOException {
        patch(b -> b.put(CIPHER, (byte) 7));
        FileSessionStore reader = store(PASSPHRASE);
        assertLoadFails(reader).hasMessageContaining("cipher id 7");
        patch(b -> b.put(KDF, (byte) 9));
        assertLoadFails(reader).hasMessageContaining("key derivation id 9");
        assertThat(reader.keyDerivations()).isZero();
    }

    @Test
    void hostileKdfParametersAreRefusedBeforeAnyKeyDerivation() throws IOException {
        FileSessionStore reader = store(PASSPHRASE);
        patch(b -> b.putInt(MEMORY, 0xFFFF_FFFF));
        assertLoadFails(reader).hasMessageContaining("Argon2id memory 4294967295 KiB is out of range");
        patch(b -> b.putInt(MEMORY, Argon2idParameters.MAX_MEMORY_KIB + 1));
        assertLoadFails(reader).hasMessageContaining("out of range");
        patch(b -> b.putInt(ITERATIONS, 11));
        assertLoadFails(reader).hasMessageContaining("iterations 11");
        patch(b -> b.putInt(ITERATIONS, 0));
        assertLoadFails(reader).hasMessageContaining("iterations 0");
        patch(b -> b.putInt(PARALLELISM, 17));
        assertLoadFails(reader).hasMessageContaining("parallelism 17");
        patch(b -> b.putInt(PARALLELISM, 16));
        assertLoadFails(reader).hasMessageContaining("memory 64 KiB is out of range; expected 128");
        assertThat(reader.keyDerivations()).isZero();
    }

    @Test
    void hostileLengthFieldsAreRefused() throws IOException {
        FileSessionStore reader = store(PASSPHRASE);
        patch(b -> b.put(SALT_LENGTH, (byte) 255));
        assertLoadFails(reader).hasMessageContaining("salt length is 255");
        patch(b -> b.put(NONCE_LENGTH, (byte) 255));
        assertLoadFails(reader).hasMessageContaining("nonce length is 255");
        patch(b -> b.putInt(CIPHERTEXT_LENGTH, 0x7FFF_FFFF));
        assertLoadFails(reader).hasMessageContaining("ciphertext length field says 2147483647");
        patch(b -> b.putInt(CIPHERTEXT_LENGTH, 0));
        assertLoadFails(reader).hasMessageContaining("ciphertext length field says 0");
    }

    @Test
    void aFileOfAnotherAccountIsRefused() throws IOException {
        FileSessionStore store = store(PASSPHRASE);
        TestSessions.save(store, TestSessions.session(B, 1));
        Files.copy(store.fileOf(B), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertLoadFails(store).hasMessageContaining("holds the session of B7654321, not of A1234567");
    }

    @Test
    void aPassphraseStoreRefusesAKeyFileVaultAndTheOtherWayRound() throws IOException {
        Path key = root.resolve("vault.key");
        FileSessionStore.createKeyFile(key);
        FileSessionStore keyFileStore = FileSessionStore.builder(directory).keyFile(key).build();
        assertLoadFails(keyFileStore).hasMessageContaining("encrypted with a passphrase");
        Files.delete(file);
        TestSessions.save(keyFileStore, TestSessions.session(A, 3));
        assertLoadFails(store(PASSPHRASE)).hasMessageContaining("encrypted with a key file");
    }

    @Test
    void theRefusalEndsOnceTheFileOpensAgain() throws IOException {
        FileSessionStore reader = store(PASSPHRASE);
        Files.write(file, new byte[] {1, 2, 3});
        assertLoadFails(reader);
        Files.write(file, original);
        TestSessions.save(reader, TestSessions.session(A, 5));
        assertThat(TestSessions.numberOf(reader.load(A).orElseThrow())).isEqualTo(5);
    }

    @Test
    void deleteIsTheExplicitWayToStartOver() throws IOException {
        FileSessionStore reader = store("a wrong passphrase");
        assertLoadFails(reader);
        TestSessions.delete(reader, A);
        TestSessions.save(reader, TestSessions.session(A, 6));
        assertThat(TestSessions.numberOf(reader.load(A).orElseThrow())).isEqualTo(6);
    }

    @Test
    void toStringsAndDescriptionsNameNoSecret() {
        FileSessionStore store = store(PASSPHRASE);
        assertThat(store.describe()).contains(directory.toString(), "Argon2id").doesNotContain(PASSPHRASE);
        assertThat(store.toString()).doesNotContain(PASSPHRASE);
    }
}
