package io.github.smartapiauth.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.reliability.Fuzz;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault reader, {@link FileSessionStore#load}, over mutated real vault files (cheap Argon2id):
 * <ul>
 *   <li>raw mutations of a whole file written by the store (header fields, ciphertext, tag, length);</li>
 *   <li>mutations of the session record <em>inside</em> a correctly encrypted file, so the plaintext
 *       parser sees hostile length fields and values that only a key holder could plant.</li>
 * </ul>
 * Only the stored session or a SessionStoreException; no hang, no allocation from a length field.
 */
@Order(25)
class VaultFuzzTest {

    private static final char[] PASSPHRASE = "SentinelVaultPassphrase-51f3e".toCharArray();
    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final ClientCode ACCOUNT = ClientCode.of("R7700123");
    /** Offset of the Argon2id memory, iterations and parallelism fields in a passphrase vault's header. */
    private static final int KDF_COST_OFFSET = 8 + 3;

    @TempDir
    Path dir;

    @Test
    void loadsTheSessionOrThrowsASessionStoreErrorForAnyFile() throws Exception {
        int cases = Fuzz.cases();
        Session session = session();
        FileSessionStore writer = FileSessionStore.builder(dir).passphrase(PASSPHRASE).argon2id(CHEAP).build();
        try (SessionLeasePort.Lease lease = new FileSessionLease(dir).acquire(ACCOUNT, Duration.ofSeconds(10))) {
            writer.save(session, lease);
        }
        Path file = writer.fileOf(ACCOUNT);
        byte[] original = Files.readAllBytes(file);
        FileSessionStore reader = FileSessionStore.builder(dir).passphrase(PASSPHRASE).argon2id(CHEAP).build();
        byte[] plaintext = SessionCodec.encode(session);
        KeyRing ring = new KeyRing(new PassphraseKey(PASSPHRASE, CHEAP), new SecureRandom());
        KeyRing.Key key = ring.forWrite();

        Random random = new Random(Fuzz.SEED + 21);
        List<String> undeclared = new ArrayList<>();
        int[] counts = new int[4]; // loaded, refused, costly KDF headers made cheap, record-level cases
        int batch = 500;
        for (int from = 0; from < cases; from += batch) {
            int start = from;
            int end = Math.min(cases, from + batch);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = start; i < end; i++) {
                    byte[] bytes;
                    if (i % 2 == 0) {
                        bytes = Fuzz.mutate(original, random);
                        if (cheapened(bytes, original)) {
                            counts[2]++;
                        }
                    } else {
                        counts[3]++;
                        bytes = sealed(Fuzz.mutate(plaintext, random), key, random);
                    }
                    Files.write(file, bytes);
                    try {
                        Optional<Session> loaded = reader.load(ACCOUNT);
                        counts[0]++;
                        if (loaded.isEmpty()) {
                            undeclared.add("case " + i + ": an existing file loaded as no session");
                        }
                    } catch (SessionStoreException declared) {
                        counts[1]++;
                    } catch (RuntimeException | Error other) {
                        undeclared.add("case " + i + ": " + other);
                    }
                }
            });
        }
        Files.write(file, original);
        assertThat(reader.load(ACCOUNT)).contains(session);
        Fuzz.report(26, "- FileSessionStore.load (vault reader): **" + cases + "** files (seed " + (Fuzz.SEED + 21)
                + "; " + counts[3] + " with a mutated session record inside valid encryption, the rest raw file"
                + " mutations), " + counts[0] + " loaded, " + counts[1] + " SessionStoreException, " + undeclared.size()
                + " undeclared outcomes. " + counts[2] + " mutations produced a valid but costly Argon2id header"
                + " (up to the reader's bound of 1 GiB and 10 passes); those cost fields were rewritten to other cheap"
                + " values to keep CI fast, see docs/security.md\n");
        assertThat(undeclared).isEmpty();
    }

    /** A correctly encrypted vault file around {@code record}, under the passphrase's key. */
    private static byte[] sealed(byte[] record, KeyRing.Key key, Random random) {
        byte[] nonce = new byte[VaultHeader.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] header = new VaultHeader(key.spec(), key.id(), nonce, record.length + VaultHeader.TAG_LENGTH).encode();
        byte[] ciphertext = VaultCipher.seal(key.bytes(), nonce, header, record);
        byte[] file = Arrays.copyOf(header, header.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, file, header.length, ciphertext.length);
        return file;
    }

    /**
     * When a mutation left the header's Argon2id cost valid but changed it to more than a cheap run,
     * rewrites it to another cheap valid cost (the reader's own bound is tested in adapters-storage).
     */
    private static boolean cheapened(byte[] bytes, byte[] original) {
        if (bytes.length < KDF_COST_OFFSET + 12 || bytes[10] != 1
                || Arrays.equals(bytes, KDF_COST_OFFSET, KDF_COST_OFFSET + 12, original, KDF_COST_OFFSET, KDF_COST_OFFSET + 12)) {
            return false;
        }
        ByteBuffer cost = ByteBuffer.wrap(bytes, KDF_COST_OFFSET, 12);
        long memory = Integer.toUnsignedLong(cost.getInt());
        long iterations = Integer.toUnsignedLong(cost.getInt());
        long parallelism = Integer.toUnsignedLong(cost.getInt());
        if (Argon2idParameters.problemWith(memory, iterations, parallelism) != null
                || (memory <= 1024 && iterations <= 2)) {
            return false;
        }
        ByteBuffer.wrap(bytes, KDF_COST_OFFSET, 12).putInt((int) (8 * parallelism + 8)).putInt(1).putInt((int) parallelism);
        return true;
    }

    private static Session session() {
        Instant opened = Instant.parse("2026-11-24T04:00:05Z");
        TokenSet tokens = new TokenSet(AccessToken.of("eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJSNzcwMDEyMyJ9.SentinelSignatureAbCdEf123456",
                opened.plus(Duration.ofHours(1))), RefreshToken.of("eyJhbGciOiJIUzUxMiJ9.eyJyIjoxfQ.SentinelRefreshSig987654"),
                FeedToken.of("eyJhbGciOiJIUzUxMiJ9.eyJmIjoxfQ.SentinelFeedSig5647382910"));
        return new Session(ACCOUNT, tokens, opened, opened, opened.plus(Duration.ofHours(1)));
    }
}
