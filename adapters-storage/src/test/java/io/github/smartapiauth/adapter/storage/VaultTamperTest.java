package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.SessionStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every single-byte change and every truncation of a real vault is refused with the domain's
 * error, never opened to other data, and the file is left as it was.
 */
class VaultTamperTest {

    @TempDir
    Path root;

    private Path directory;
    private Path file;
    private byte[] original;
    private FileSessionStore store;

    @BeforeEach
    void writeAVault() throws Exception {
        directory = root.resolve("vault");
        store = FileSessionStore.builder(directory).passphrase("tamper test".toCharArray())
                .argon2id(TestSessions.CHEAP).build();
        TestSessions.save(store, TestSessions.session(A, 42));
        file = store.fileOf(A);
        original = Files.readAllBytes(file);
    }

    @Test
    void theUntouchedVaultOpens() {
        assertThat(TestSessions.numberOf(store.load(A).orElseThrow())).isEqualTo(42);
    }

    @Test
    void flippingAnyByteIsRefused() throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        for (int position = 0; position < original.length; position++) {
            for (int mask : new int[] {0xFF, 0x01, 1 + random.nextInt(255)}) {
                byte[] tampered = original.clone();
                tampered[position] ^= (byte) mask;
                assertRefusedAndKept(tampered, "byte " + position + " xor " + mask);
            }
        }
    }

    @Test
    void truncatingAtAnyLengthIsRefused() throws Exception {
        for (int length = 0; length < original.length; length++) {
            assertRefusedAndKept(Arrays.copyOf(original, length), "truncated to " + length);
        }
    }

    @Test
    void appendingIsRefused() throws Exception {
        byte[] longer = Arrays.copyOf(original, original.length + 1);
        assertRefusedAndKept(longer, "one byte appended");
    }

    private void assertRefusedAndKept(byte[] content, String what) throws Exception {
        Files.write(file, content);
        // A new store each time, as a restarted process would be; it shares nothing with the writer.
        FileSessionStore reader = FileSessionStore.builder(directory).passphrase("tamper test".toCharArray())
                .argon2id(TestSessions.CHEAP).build();
        assertThatThrownBy(() -> reader.load(A)).as(what).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> TestSessions.save(reader, TestSessions.session(A, 43))).as(what)
                .isExactlyInstanceOf(SessionStoreException.class).hasMessageContaining("will not overwrite");
        assertThat(Files.readAllBytes(file)).as(what).isEqualTo(content);
        Files.write(file, original);
    }
}
