package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * Sessions in encrypted vault files, one per account ({@code <directory>/<CLIENTCODE>.vault}),
 * AES-256-GCM under a key from a passphrase (Argon2id) or a key file. Layout in
 * {@code docs/vault-format.md}.
 *
 * <p>Every write replaces the whole file atomically. A file that cannot be opened (wrong
 * passphrase, tampering, damage, a foreign or newer file, a permission problem) fails loads
 * with a {@link SessionStoreException} naming the file and the likely cause, and is never
 * overwritten: each save first opens the file it would replace, and refuses when it cannot.
 * {@link #delete} is the explicit way to start over.
 *
 * <p>Processes sharing the directory coordinate their renewals with {@link FileSessionLease}
 * on the same directory, and every save and delete is fenced by it: a write under a lease whose
 * fencing token is lower than the newest grant kept in {@code <CLIENTCODE>.lock} is refused (see
 * {@link LeaseFence} for how that counter is read without disturbing a held lock). Thread-safe.
 * {@link #close()} wipes the passphrase and the keys.
 */
public final class FileSessionStore implements SessionStorePort, AutoCloseable {

    private static final String SUFFIX = ".vault";
    private static final Pattern VAULT_NAME = Pattern.compile("[A-Z0-9]{1,20}\\.vault");
    /**
     * A temp file older than this belongs to no write still running: a write creates its temp file,
     * fills it with at most 1 MiB, forces it to disk and renames it, all within moments.
     */
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(10);

    private final Path directory;
    private final Argon2idParameters cost;
    private final SecureRandom random;
    private final AtomicFiles files;
    /** Saves share it; a passphrase change takes it alone, so no save writes under the old key meanwhile. */
    private final ReadWriteLock rekeying = new ReentrantReadWriteLock();
    private volatile KeyRing keys;
    private final Clock clock;
    /** Accounts whose stale temp files were looked for since this store opened. */
    private final Set<ClientCode> swept = ConcurrentHashMap.newKeySet();

    private FileSessionStore(Builder builder, KeyMaterial material) {
        this.directory = builder.directory;
        this.clock = builder.clock;
        this.cost = builder.cost;
        this.random = builder.random;
        this.files = new AtomicFiles(builder.writer);
        this.keys = new KeyRing(material, random);
    }

    /** A store keeping its vault files in {@code directory} (created owner-only when missing). */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Writes a new random 32-byte key file, owner-only; fails when the file exists, so an
     * existing key is never replaced.
     */
    public static void createKeyFile(Path file) {
        Path target = file.toAbsolutePath();
        byte[] key = new byte[KeyFileKey.KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        try {
            FilePermissions.ensureDirectory(target.getParent());
            try (FileChannel channel = FileChannel.open(target, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), FilePermissions.ownerOnlyFile(target.getParent()))) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new SessionStoreException("cannot create the vault key file " + target + ": "
                    + FilePermissions.describe(e), null, e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public Optional<Session> load(ClientCode account) {
        Path file = fileOf(account);
        rekeying.readLock().lock();
        try {
            checkDirectory();
            sweepStaleTemps(account);
            Optional<byte[]> bytes = read(file);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            KeyRing current = keys;
            VaultCodec.Opened opened = open(file, bytes.get(), account, current);
            current.offerForWrite(opened.key());
            return Optional.of(opened.session());
        } finally {
            rekeying.readLock().unlock();
        }
    }

    @Override
    public void save(Session session, SessionLeasePort.Lease lease) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lease, "lease");
        Path file = fileOf(session.clientCode());
        rekeying.readLock().lock();
        try (LeaseFence fence = fenced(session.clientCode(), lease, "saved")) {
            sweepStaleTemps(session.clientCode());
            KeyRing current = keys;
            try {
                Optional<byte[]> existing = read(file);
                if (existing.isPresent()) {
                    open(file, existing.get(), session.clientCode(), current);
                }
            } catch (SessionStoreException unreadable) {
                throw new SessionStoreException("will not overwrite the vault " + file + " with a new session of "
                        + session.clientCode() + ", because it cannot be opened: " + unreadable.getMessage()
                        + " Fix that cause, or delete the file to start over.", null, unreadable);
            }
            write(file, VaultCodec.seal(session, writeKey(current, file), random));
        } finally {
            rekeying.readLock().unlock();
        }
    }

    @Override
    public void delete(ClientCode account, SessionLeasePort.Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Path file = fileOf(account);
        checkDirectory();
        try (LeaseFence fence = LeaseFence.check(directory, account, lease, "deleted")) {
            files.delete(file);
        } catch (IOException e) {
            throw new SessionStoreException("cannot delete the vault " + file + ": " + FilePermissions.describe(e),
                    null, e);
        }
    }

    /** The vault directory, where the paired {@link FileSessionLease} keeps its lock files. */
    Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return "encrypted vault files in " + directory + " (one per account, AES-256-GCM, key from "
                + keys.describe() + ")";
    }

    /**
     * Re-encrypts every account's vault in the directory under a key from {@code newPassphrase}
     * (with this store's Argon2id parameters and a fresh salt), each file replaced atomically,
     * and uses that passphrase from then on. Every file is opened before any is rewritten, so
     * an unreadable one stops the change with nothing changed; files already under the new
     * passphrase (from an interrupted earlier change) are left as they are, so running it
     * again finishes the job. Other processes need the new passphrase once this returns.
     *
     * @param newPassphrase copied; the caller may wipe it
     */
    public void changePassphrase(char[] newPassphrase) {
        rekey(new PassphraseKey(newPassphrase, cost));
    }

    /** Forgets the passphrase and every derived key; the store cannot be used afterwards. */
    @Override
    public void close() {
        keys.wipe();
    }

    Path fileOf(ClientCode account) {
        return directory.resolve(account.value() + SUFFIX);
    }

    /** How many Argon2id runs (or key file reads) this store made; for tests of the key cache. */
    int keyDerivations() {
        return keys.derivations();
    }

    private void rekey(KeyMaterial material) {
        KeyRing next = new KeyRing(material, random);
        rekeying.writeLock().lock();
        try {
            checkDirectory();
            KeyRing current = keys;
            Map<Path, Session> toRewrite = new LinkedHashMap<>();
            for (Path file : vaultFiles()) {
                ClientCode account = ClientCode.of(file.getFileName().toString().replace(SUFFIX, ""));
                byte[] bytes = read(file).orElse(null);
                if (bytes == null) {
                    continue;
                }
                try {
                    toRewrite.put(file, open(file, bytes, account, current).session());
                } catch (SessionStoreException underCurrent) {
                    try {
                        open(file, bytes, account, next);
                    } catch (SessionStoreException underNext) {
                        throw new SessionStoreException("the passphrase was not changed, and no vault was rewritten: "
                                + underCurrent.getMessage(), null, underCurrent);
                    }
                }
            }
            int done = 0;
            for (Map.Entry<Path, Session> entry : toRewrite.entrySet()) {
                try {
                    write(entry.getKey(), VaultCodec.seal(entry.getValue(), writeKey(next, entry.getKey()), random));
                } catch (SessionStoreException e) {
                    throw new SessionStoreException("the passphrase change stopped after re-encrypting " + done + " of "
                            + toRewrite.size() + " vaults: " + e.getMessage() + " Run the change again with the same"
                            + " new passphrase to finish it.", null, e);
                }
                done++;
            }
            keys = next;
            current.wipe();
        } catch (RuntimeException e) {
            next.wipe();
            throw e;
        } finally {
            rekeying.writeLock().unlock();
        }
    }

    private List<Path> vaultFiles() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                path -> VAULT_NAME.matcher(path.getFileName().toString()).matches())) {
            entries.forEach(found::add);
        } catch (IOException e) {
            throw new SessionStoreException("cannot list the vault directory " + directory + ": "
                    + FilePermissions.describe(e), null, e);
        }
        found.sort(null);
        return found;
    }

    private Optional<byte[]> read(Path file) {
        try {
            return files.read(file, VaultHeader.MAX_FILE_LENGTH);
        } catch (UnsafePathException e) {
            throw new SessionStoreException("will not use the vault: " + e.getMessage() + ". Nothing was changed.",
                    null, e);
        } catch (AtomicFiles.TooLargeException e) {
            throw new SessionStoreException("cannot open the vault " + file + ": it has " + e.size()
                    + " bytes, far more than any vault (" + VaultHeader.MAX_FILE_LENGTH + " at most); it is not a"
                    + " smartapi-auth vault. Nothing was changed.");
        } catch (IOException e) {
            throw new SessionStoreException("cannot read the vault " + file + ": " + FilePermissions.describe(e)
                    + ". Check the file's owner and permissions (it should be readable by this user only).", null, e);
        }
    }

    private static VaultCodec.Opened open(Path file, byte[] bytes, ClientCode account, KeyRing keys) {
        VaultCodec.Opened opened;
        try {
            opened = VaultCodec.open(bytes, keys);
        } catch (VaultException e) {
            throw new SessionStoreException("cannot open the vault " + file + ": " + e.getMessage() + ". "
                    + advice(e.kind()), null, e);
        }
        if (!opened.session().clientCode().equals(account)) {
            throw new SessionStoreException("cannot open the vault " + file + ": it holds the session of "
                    + opened.session().clientCode() + ", not of " + account + " (was it renamed or copied from"
                    + " another account's file?). Nothing was changed.");
        }
        return opened;
    }

    private static String advice(VaultException.Kind kind) {
        return switch (kind) {
            case WRONG_KEY, AUTHENTICATION -> "Check the passphrase or key file; if it is right, restore the file"
                    + " from a backup or delete it to log in again. Nothing was changed.";
            case EMPTY, TRUNCATED -> "smartapi-auth never leaves a partial file, so something else wrote or copied"
                    + " it; restore it from a backup or delete it to log in again. Nothing was changed.";
            case FOREIGN -> "Point the store at its own directory, or move this file away. Nothing was changed.";
            case UNSUPPORTED -> "Use the smartapi-auth version that wrote it, or delete it to log in again."
                    + " Nothing was changed.";
            case HOSTILE_KDF, MALFORMED, CONTENT -> "The file was modified or damaged; restore it from a backup or"
                    + " delete it to log in again. Nothing was changed.";
            case KEY -> "Check the store's passphrase or key file setting. Nothing was changed.";
        };
    }

    /** Refuses a directory that another user owns or can write (see {@link VaultPaths}). */
    private void checkDirectory() {
        try {
            VaultPaths.checkDirectory(directory);
        } catch (UnsafePathException e) {
            throw new SessionStoreException("will not use the vault directory: " + e.getMessage(), null, e);
        } catch (IOException unreachable) {
            // Not there or not a directory: the read, write or delete that follows reports it as it is.
        }
    }

    /**
     * Once per account and store: deletes the temp files that writes of this account's vault left
     * when their process was killed, if they are older than {@link #STALE_TEMP_AGE}. A failure here
     * only leaves them for the next time.
     */
    private void sweepStaleTemps(ClientCode account) {
        if (!swept.add(account)) {
            return;
        }
        try {
            files.removeStaleTemps(fileOf(account), clock.instant().minus(STALE_TEMP_AGE));
        } catch (IOException | RuntimeException leftForNextTime) {
            // Harmless: they hold only what a finished write also holds, owner-only.
        }
    }

    /** Creates and checks the directory, then checks the lease; the fence stays open for the write. */
    private LeaseFence fenced(ClientCode account, SessionLeasePort.Lease lease, String what) {
        ensureDirectory();
        checkDirectory();
        return LeaseFence.check(directory, account, lease, what);
    }

    private void ensureDirectory() {
        try {
            FilePermissions.ensureDirectory(directory);
        } catch (IOException e) {
            throw new SessionStoreException("cannot create the vault directory " + directory + ": "
                    + FilePermissions.describe(e), null, e);
        }
    }

    private static KeyRing.Key writeKey(KeyRing keys, Path file) {
        try {
            return keys.forWrite();
        } catch (VaultException e) {
            throw new SessionStoreException("cannot write the vault " + file + ": " + e.getMessage() + ". "
                    + advice(e.kind()), null, e);
        }
    }

    private void write(Path file, byte[] bytes) {
        try {
            files.replace(file, bytes);
        } catch (IOException e) {
            throw new SessionStoreException("cannot write the vault " + file + ": " + FilePermissions.describe(e)
                    + ". The previous vault, if any, is unchanged.", null, e);
        }
    }

    /** Settings of a {@link FileSessionStore}: exactly one of a passphrase or a key file. */
    public static final class Builder {

        private final Path directory;
        private char[] passphrase;
        private Path keyFile;
        private Argon2idParameters cost = Argon2idParameters.defaults();
        private SecureRandom random = new SecureRandom();
        private AtomicFiles.Writer writer = AtomicFiles.CHANNEL;
        private Clock clock = Clock.systemUTC();

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "the vault directory is required").toAbsolutePath();
        }

        /** Derive keys from this passphrase; copied, so the caller may wipe its array right after. */
        public Builder passphrase(char[] passphrase) {
            Objects.requireNonNull(passphrase, "passphrase");
            wipePassphrase();
            this.passphrase = passphrase.clone();
            return this;
        }

        /** The Argon2id cost of new keys (default {@link Argon2idParameters#RFC_9106_SECOND}); raised costs apply on the next save. */
        public Builder argon2id(Argon2idParameters parameters) {
            this.cost = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /** Use the random 32-byte key in this owner-only file instead of a passphrase (see {@link #createKeyFile}). */
        public Builder keyFile(Path file) {
            this.keyFile = Objects.requireNonNull(file, "key file");
            return this;
        }

        /** The source of salts and nonces; a {@link SecureRandom} by default. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The clock that tells stale temp files of killed writes (older than ten minutes) from live ones. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder writer(AtomicFiles.Writer writer) {
            this.writer = writer;
            return this;
        }

        /** The store; does no I/O (the directory is created on the first save, the key read on first use). */
        public FileSessionStore build() {
            if ((passphrase == null) == (keyFile == null)) {
                throw new IllegalStateException("configure exactly one of passphrase(...) or keyFile(...) for the vault"
                        + " in " + directory);
            }
            KeyMaterial material = passphrase != null ? new PassphraseKey(passphrase, cost) : new KeyFileKey(keyFile);
            wipePassphrase();
            return new FileSessionStore(this, material);
        }

        private void wipePassphrase() {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
                passphrase = null;
            }
        }
    }
}
