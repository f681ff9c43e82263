package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static io.github.smartapiauth.adapter.storage.TestSessions.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write the vault directory (or chose it) plants links, pipes and foreign files
 * there. Nothing is followed, nothing blocks, nothing outside the directory is written, and each
 * refusal names the file and the fix. Real files in a temp directory; POSIX only.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileVaultDirectoryTest {

    private static final String PRECIOUS = "precious bytes that belong to someone else";

    @TempDir
    Path root;
    Path vault;
    Path victim;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(FilePermissions.posix(root)).as("POSIX file system").isTrue();
        vault = root.resolve("vault");
        FilePermissions.ensureDirectory(vault);
        victim = root.resolve("victim-file");
        Files.writeString(victim, PRECIOUS);
    }

    private FileSessionStore store(Path directory) {
        return FileSessionStore.builder(directory).passphrase("p".toCharArray()).argon2id(TestSessions.CHEAP).build();
    }

    @Test
    void aPlantedLockLinkToAnotherFileIsRefusedAndThatFileKeepsItsBytes() throws Exception {
        Files.createSymbolicLink(vault.resolve("A1234567.lock"), victim);

        assertThatThrownBy(() -> new FileSessionLease(vault).acquire(A, Duration.ofSeconds(5)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("A1234567.lock is a symbolic link")
                .hasMessageContaining("rm ");
        assertThat(Files.readString(victim)).isEqualTo(PRECIOUS);
    }

    @Test
    void aDanglingLockLinkIsRefusedAndCreatesNothingWhereItPoints() throws Exception {
        Path target = root.resolve("created-by-the-victim");
        Files.createSymbolicLink(vault.resolve("A1234567.lock"), target);

        assertThatThrownBy(() -> new FileSessionLease(vault).acquire(A, Duration.ofSeconds(5)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(target).doesNotExist();
    }

    @Test
    void aVaultThatIsALinkIsNeitherReadNorOverwritten() throws Exception {
        Files.createSymbolicLink(vault.resolve("A1234567.vault"), victim);
        FileSessionStore store = store(vault);

        assertThatThrownBy(() -> store.load(A)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("A1234567.vault is a symbolic link");
        assertThatThrownBy(() -> TestSessions.save(store, TestSessions.session(A, 1))).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("will not overwrite");
        assertThat(Files.readString(victim)).isEqualTo(PRECIOUS);
        assertThat(Files.isSymbolicLink(vault.resolve("A1234567.vault"))).isTrue();
    }

    @Test
    void aVaultDirectoryOthersCanWriteIsRefusedNamingTheFix() throws Exception {
        Files.setPosixFilePermissions(vault, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileSessionStore store = store(vault);

        assertThatThrownBy(() -> store.load(A)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("the vault directory " + vault + " can be written by other users (rwxrwxrwx)")
                .hasMessageContaining("chmod 700 " + vault.toRealPath());
        assertThatThrownBy(() -> TestSessions.save(store, TestSessions.session(A, 1))).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("chmod 700");
        assertThatThrownBy(() -> new FileSessionLease(vault).acquire(A, Duration.ofSeconds(5)))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("chmod 700");
        assertThat(vault.resolve("A1234567.vault")).doesNotExist();
        assertThat(vault.resolve("A1234567.lock")).doesNotExist();
    }

    @Test
    void aVaultDirectoryLinkedIntoAnotherUsersDirectoryIsRefused() throws Exception {
        Path theirs = root.resolve("theirs");
        Files.createDirectory(theirs, PosixFilePermissions.asFileAttribute(FilePermissions.OWNER_DIRECTORY));
        giveToAnotherUser(theirs);
        Path link = root.resolve("link-to-theirs");
        Files.createSymbolicLink(link, theirs);

        assertThatThrownBy(() -> store(link).load(A)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining(link + " (a link to " + theirs.toRealPath() + ") belongs to nobody");
        assertThatThrownBy(() -> new FileSessionLease(link).acquire(A, Duration.ofSeconds(5)))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("belongs to nobody");
        assertThat(theirs.resolve("A1234567.lock")).doesNotExist();
    }

    @Test
    void aVaultFileOfAnotherUserIsRefused() throws Exception {
        FileSessionStore store = store(vault);
        TestSessions.save(store, TestSessions.session(A, 1));
        giveToAnotherUser(store.fileOf(A));

        assertThatThrownBy(() -> store(vault).load(A)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("A1234567.vault belongs to nobody");
    }

    @Test
    void aNamedPipeAtTheVaultPathIsRefusedInsteadOfBlockingForever() throws Exception {
        mkfifo(vault.resolve("A1234567.vault"));
        mkfifo(vault.resolve("A1234567.lock"));

        assertThatThrownBy(() -> store(vault).load(A)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("A1234567.vault is not a regular file (a named pipe, socket or device)");
        assertThatThrownBy(() -> new FileSessionLease(vault).acquire(A, Duration.ofSeconds(5)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("A1234567.lock is not a regular file");
    }

    @Test
    void staleTempFilesOfKilledWritesAreRemovedWhenTheStoreOpensTheAccountAndRecentOnesKept() throws Exception {
        Instant now = Instant.parse("2026-11-24T03:45:10Z");
        Path stale = temp(vault, "A1234567", "1234", now.minus(Duration.ofHours(3)));
        Path justStale = temp(vault, "A1234567", "99", now.minus(FileSessionStore.STALE_TEMP_AGE).minusSeconds(1));
        Path recent = temp(vault, "A1234567", "5678", now.minusSeconds(5));
        Path otherAccount = temp(vault, "B7654321", "42", now.minus(Duration.ofHours(3)));
        Path notOurs = vault.resolve("notes.tmp");
        Files.writeString(notOurs, "x");
        Files.setLastModifiedTime(notOurs, FileTime.from(now.minus(Duration.ofDays(3))));
        FileSessionStore store = FileSessionStore.builder(vault).passphrase("p".toCharArray())
                .argon2id(TestSessions.CHEAP).clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        assertThat(store.load(A)).isEmpty();

        assertThat(stale).doesNotExist();
        assertThat(justStale).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherAccount).as("another account's, until that account is opened").exists();
        assertThat(notOurs).exists();
        store.load(B);
        assertThat(otherAccount).doesNotExist();
    }

    private static Path temp(Path directory, String account, String digits, Instant written) throws IOException {
        Path temp = directory.resolve("." + account + ".vault." + digits + ".tmp");
        Files.write(temp, new byte[64]);
        Files.setLastModifiedTime(temp, FileTime.from(written));
        return temp;
    }

    /** Gives the file to {@code nobody}; possible when the tests run as root, skipped otherwise. */
    private static void giveToAnotherUser(Path path) throws IOException {
        UserPrincipal nobody;
        try {
            nobody = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(path, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            assumeThat(false).as("cannot give a file to another user here: " + e).isTrue();
            return;
        }
        assumeThat(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS)).isEqualTo(nobody);
    }

    private static void mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo: " + output).isTrue();
    }
}
