package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decryptor written from docs/vault-format.md alone, with none of the module's classes:
 * Bouncy Castle's Argon2id and low-level GCM, offsets from the page.
 */
class IndependentDecryptorTest {

    @TempDir
    Path root;

    @Test
    void aPassphraseVaultDecryptsByTheDocumentedLayout() throws Exception {
        Argon2idParameters cost = new Argon2idParameters(256, 2, 2);
        FileSessionStore store = FileSessionStore.builder(root).passphrase("pässphrase".toCharArray()).argon2id(cost)
                .build();
        TestSessions.save(store, TestSessions.session(A, 77));
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(root.resolve("A1234567.vault")));

        byte[] magic = new byte[8];
        file.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("SAAVAULT");
        assertThat(file.get()).isEqualTo((byte) 1);
        assertThat(file.get()).isEqualTo((byte) 1);
        assertThat(file.get()).isEqualTo((byte) 1);
        int memory = file.getInt();
        int iterations = file.getInt();
        int lanes = file.getInt();
        assertThat(new int[] {memory, iterations, lanes}).containsExactly(256, 2, 2);
        assertThat(file.get()).isEqualTo((byte) 16);
        byte[] salt = new byte[16];
        file.get(salt);
        file.position(file.position() + 8);
        assertThat(file.get()).isEqualTo((byte) 12);
        byte[] nonce = new byte[12];
        file.get(nonce);
        int ciphertextLength = file.getInt();
        int headerLength = file.position();
        assertThat(headerLength).isEqualTo(65);
        assertThat(file.remaining()).isEqualTo(ciphertextLength);

        byte[] key = new byte[32];
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(lanes).withSalt(salt).build());
        argon.generateBytes("pässphrase".getBytes(StandardCharsets.UTF_8), key);

        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce,
                Arrays.copyOf(file.array(), headerLength)));
        byte[] scratch = new byte[gcm.getOutputSize(ciphertextLength)];
        int n = gcm.processBytes(file.array(), headerLength, ciphertextLength, scratch, 0);
        n += gcm.doFinal(scratch, n);
        // Only now, after the tag verified, is the plaintext used.
        ByteBuffer plain = ByteBuffer.wrap(scratch, 0, n);

        assertThat(plain.get()).isEqualTo((byte) 1);
        assertThat(text(plain, Short.toUnsignedInt(plain.getShort()))).isEqualTo("A1234567");
        assertThat(text(plain, plain.getInt())).isEqualTo("access-A1234567-77");
        assertThat(plain.get()).isEqualTo((byte) 1);
        assertThat(instant(plain)).isEqualTo(TestSessions.session(A, 77).tokens().accessToken().expiresAt().get());
        assertThat(text(plain, plain.getInt())).isEqualTo("refresh-A1234567-77");
        assertThat(text(plain, plain.getInt())).isEqualTo("feed-A1234567-77");
        assertThat(instant(plain)).isEqualTo(TestSessions.BASE);
        assertThat(instant(plain)).isEqualTo(TestSessions.BASE.plusSeconds(77));
        assertThat(instant(plain)).isEqualTo(TestSessions.session(A, 77).expiresAt());
        assertThat(plain.remaining()).isZero();
    }

    @Test
    void aKeyFileVaultHasNoKdfBlock() throws Exception {
        Path keyFile = root.resolve("k");
        FileSessionStore.createKeyFile(keyFile);
        TestSessions.save(FileSessionStore.builder(root).keyFile(keyFile).build(), TestSessions.session(A, 1));
        byte[] file = Files.readAllBytes(root.resolve("A1234567.vault"));
        ByteBuffer header = ByteBuffer.wrap(file);
        assertThat(file[10]).isEqualTo((byte) 0);
        assertThat(file[19]).isEqualTo((byte) 12);
        int ciphertextLength = header.getInt(32);
        assertThat(file.length).isEqualTo(36 + ciphertextLength);

        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(Files.readAllBytes(keyFile)), 128,
                Arrays.copyOfRange(file, 20, 32), Arrays.copyOf(file, 36)));
        byte[] scratch = new byte[gcm.getOutputSize(ciphertextLength)];
        int n = gcm.processBytes(file, 36, ciphertextLength, scratch, 0);
        n += gcm.doFinal(scratch, n);
        assertThat(n).isEqualTo(ciphertextLength - 16);
        assertThat(new String(scratch, 3, 8, StandardCharsets.US_ASCII)).isEqualTo("A1234567");
    }

    private static String text(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static Instant instant(ByteBuffer in) {
        long seconds = in.getLong();
        return Instant.ofEpochSecond(seconds, in.getInt());
    }
}
