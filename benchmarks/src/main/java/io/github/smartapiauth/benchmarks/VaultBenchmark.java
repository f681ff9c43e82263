package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.adapter.storage.FileSessionLease;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The vault with its key already derived (one Argon2id run in setup): a load, and a save with and
 * without a durable disk under it, against bare AES-256-GCM of the same bytes with a prepared
 * {@code Cipher}. The store always forces its files (it has no switch to stop that), so "without
 * fsync" is the same store on tmpfs ({@code /dev/shm}), where a force returns at once; the
 * difference is the price of durability. The session holds real sandbox tokens.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class VaultBenchmark {

    private static final int HEADER_LENGTH = 65;
    private static final int TAG_BITS = 128;

    private Path diskDirectory;
    private Path tmpfsDirectory;
    private FileSessionStore disk;
    private FileSessionStore tmpfs;
    /** Held for the whole run, as the core holds its lease around a save: writes take the store's fast fence check. */
    private SessionLeasePort.Lease diskLease;
    private SessionLeasePort.Lease tmpfsLease;
    private Session session;
    private ClientCode account;
    private Path vaultFile;

    private Cipher cipher;
    private SecretKeySpec key;
    private byte[] header;
    private byte[] plaintext;
    private byte[] ciphertext;
    private byte[] nonce;
    private long nonceCounter;

    @Setup
    public void prepare() throws IOException, GeneralSecurityException {
        session = realSession();
        account = session.clientCode();
        diskDirectory = Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "vault-bench");
        Path shm = Paths.get("/dev/shm");
        tmpfsDirectory = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "vault-bench")
                : Files.createTempDirectory("vault-bench-nofsync");
        char[] passphrase = "correct horse battery staple".toCharArray();
        disk = FileSessionStore.builder(diskDirectory.resolve("vault")).passphrase(passphrase).build();
        tmpfs = FileSessionStore.builder(tmpfsDirectory.resolve("vault")).passphrase(passphrase).build();
        try {
            diskLease = new FileSessionLease(diskDirectory.resolve("vault")).acquire(account, Duration.ofSeconds(10));
            tmpfsLease = new FileSessionLease(tmpfsDirectory.resolve("vault")).acquire(account, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the vault leases", e);
        }
        disk.save(session, diskLease);
        tmpfs.save(session, tmpfsLease);
        if (disk.load(account).isEmpty()) {
            throw new IllegalStateException("the vault did not keep the session");
        }
        vaultFile = diskDirectory.resolve("vault").resolve(account.value() + ".vault");
        int fileLength = (int) Files.size(vaultFile);

        byte[] keyBytes = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        header = new byte[HEADER_LENGTH];
        random.nextBytes(header);
        plaintext = new byte[fileLength - HEADER_LENGTH - TAG_BITS / 8];
        random.nextBytes(plaintext);
        nonce = new byte[12];
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        ciphertext = cipher.doFinal(plaintext);
    }

    private static Session realSession() {
        SandboxClock clock = SandboxClock.at(Instant.parse("2025-01-06T04:00:10Z"));
        SandboxAccount account = SandboxAccount.demo();
        try (SmartApiSandbox sandbox = Sandboxes.started(clock)) {
            SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(sandbox.baseUri()).withPacing(false));
            Credentials credentials = new Credentials(ApiKey.of(account.apiKey()), ClientCode.of(account.clientCode()),
                    Pin.of(account.mpin()));
            TokenSet tokens = client.login(credentials, TotpCode.of(account.totpAt(clock.instant())));
            Instant now = clock.instant();
            return new Session(credentials.clientCode(), tokens, now, now, now.plus(Duration.ofHours(12)));
        }
    }

    @TearDown
    public void clean() throws IOException {
        diskLease.close();
        tmpfsLease.close();
        disk.close();
        tmpfs.close();
        deleteTree(diskDirectory);
        deleteTree(tmpfsDirectory);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Baseline: decrypt and verify the vault's number of bytes, key and Cipher prepared, no file. */
    @Benchmark
    public byte[] baselineAesGcmDecrypt() throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher.doFinal(ciphertext);
    }

    /**
     * The bare decryption as the vault's cipher is written: {@code Cipher.getInstance} on every call
     * (a provider lookup), to show what that costs against the prepared one above.
     */
    @Benchmark
    public byte[] baselineAesGcmDecryptNewCipher() throws GeneralSecurityException {
        Cipher perCall = Cipher.getInstance("AES/GCM/NoPadding");
        perCall.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        perCall.updateAAD(header);
        return perCall.doFinal(ciphertext);
    }

    /** Baseline: encrypt the same number of bytes under a new nonce (GCM forbids reusing one for encryption). */
    @Benchmark
    public byte[] baselineAesGcmEncrypt() throws GeneralSecurityException {
        long counter = ++nonceCounter;
        byte[] fresh = new byte[12];
        for (int i = 0; i < 8; i++) {
            fresh[i] = (byte) (counter >>> (8 * i));
        }
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, fresh));
        cipher.updateAAD(header);
        return cipher.doFinal(plaintext);
    }

    /** A second baseline for the read: the file read with {@code Files.readAllBytes}, then the bare decryption. */
    @Benchmark
    public byte[] baselineReadFileAndDecrypt() throws IOException, GeneralSecurityException {
        byte[] file = Files.readAllBytes(vaultFile);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher.doFinal(ciphertext, 0, Math.min(ciphertext.length, file.length));
    }

    @Benchmark
    public Optional<Session> readOurs() {
        return disk.load(account);
    }

    /** A save on the disk: temp file forced, renamed, directory forced. */
    @Benchmark
    public Session writeOursFsync() {
        disk.save(session, diskLease);
        return session;
    }

    /** The same save on tmpfs, where forcing costs nothing: the write path without the fsync. */
    @Benchmark
    public Session writeOursNoFsync() {
        tmpfs.save(session, tmpfsLease);
        return session;
    }
}
