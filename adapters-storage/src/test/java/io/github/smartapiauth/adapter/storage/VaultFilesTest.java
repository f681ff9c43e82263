package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionLease;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only permissions, and failures of the file system that leave the vault as it was. */
class VaultFilesTest {

    @TempDir
    Path root;

    private FileSessionStore store(Path directory) {
        return FileSessionStore.builder(directory).passphrase("p".toCharArray()).argon2id(TestSessions.CHEAP).build();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void assumePosix(Path path) {
        assumeThat(FilePermissions.posix(path)).as("POSIX file permissions").isTrue();
    }

    @Test
    void theDirectoryIsCreatedOwnerOnlyAndTheVaultAndLockFilesAreOwnerOnly() throws Exception {
        assumePosix(root);
        Path directory = root.resolve("missing").resolve("vault");
        FileSessionStore store = store(directory);
        TestSessions.save(store, TestSessions.session(A, 1));
        TestSessions.save(store, TestSessions.session(A, 2));
        new FileSessionLease(directory).acquire(A, Duration.ofSeconds(5)).close();

        assertThat(permissions(directory)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("missing"))).isEqualTo("rwx------");
        assertThat(permissions(store.fileOf(A))).isEqualTo("rw-------");
        assertThat(permissions(directory.resolve("A1234567.lock"))).isEqualTo("rw-------");
    }

    @Test
    void theLeaseCreatesTheDirectoryOwnerOnlyToo() throws Exception {
        assumePosix(root);
        Path directory = root.resolve("leases");
        new FileSessionLease(directory).acquire(A, Duration.ofSeconds(5)).close();
        assertThat(permissions(directory)).isEqualTo("rwx------");
    }

    @Test
    void aNewKeyFileIsOwnerOnlyAndNeverReplacesAnExistingOne() throws Exception {
        assumePosix(root);
        Path key = root.resolve("vault.key");
        FileSessionStore.createKeyFile(key);
        assertThat(permissions(key)).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
        byte[] first = Files.readAllBytes(key);
        assertThatThrownBy(() -> FileSessionStore.createKeyFile(key)).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(key)).isEqualTo(first);
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws Exception {
        assumePosix(root);
        Path key = root.resolve("vault.key");
        FileSessionStore.createKeyFile(key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        FileSessionStore store = FileSessionStore.builder(root.resolve("vault")).keyFile(key).build();
        assertThatThrownBy(() -> TestSessions.save(store, TestSessions.session(A, 1))).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("may be read by others (rw-r--r--)").hasMessageContaining(key.toString());
        assertThat(Files.exists(store.fileOf(A))).isFalse();
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused() throws Exception {
        Path key = root.resolve("vault.key");
        Files.write(key, new byte[31]);
        if (FilePermissions.posix(key)) {
            Files.setPosixFilePermissions(key, FilePermissions.OWNER_FILE);
        }
        FileSessionStore store = FileSessionStore.builder(root.resolve("vault")).keyFile(key).build();
        assertThatThrownBy(() -> TestSessions.save(store, TestSessions.session(A, 1))).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("has 31 bytes");
    }

    @Test
    void anUnreadableVaultIsAPermissionProblemAndIsKept() throws Exception {
        assumePosix(root);
        FileSessionStore store = store(root.resolve("vault"));
        TestSessions.save(store, TestSessions.session(A, 1));
        Path file = store.fileOf(A);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(file)).as("not running as root, who may read anything").isFalse();
            assertThatThrownBy(() -> store.load(A)).isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> TestSessions.save(store, TestSessions.session(A, 2)))
                    .isExactlyInstanceOf(SessionStoreException.class).hasMessageContaining("will not overwrite");
        } finally {
            Files.setPosixFilePermissions(file, FilePermissions.OWNER_FILE);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFullDiskLeavesThePreviousVaultAndNoTempFile() throws Exception {
        Path directory = root.resolve("vault");
        TestSessions.save(store(directory), TestSessions.session(A, 1));
        FileSessionStore full = FileSessionStore.builder(directory).passphrase("p".toCharArray())
                .argon2id(TestSessions.CHEAP)
                .writer((channel, bytes) -> {
                    channel.write(ByteBuffer.wrap(bytes.array(), 0, bytes.remaining() / 2));
                    throw new IOException("No space left on device");
                })
                .build();
        byte[] before = Files.readAllBytes(full.fileOf(A));

        assertThatThrownBy(() -> TestSessions.save(full, TestSessions.session(A, 2))).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("cannot write the vault " + full.fileOf(A))
                .hasMessageContaining("the disk is full")
                .hasMessageContaining("previous vault, if any, is unchanged");

        assertThat(Files.readAllBytes(full.fileOf(A))).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the lease's lock file and the vault, no temp file")
                    .containsExactlyInAnyOrder("A1234567.lock", "A1234567.vault");
        }
        assertThat(TestSessions.numberOf(full.load(A).orElseThrow())).isEqualTo(1);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReported() throws Exception {
        Path blocker = root.resolve("file");
        Files.writeString(blocker, "not a directory");
        FileSessionStore store = store(blocker.resolve("vault"));
        // No lock file can be made there either: the write's lease comes from memory, and the store
        // fails on the directory before it checks any lease.
        try (SessionLeasePort.Lease lease = new InMemorySessionLease().acquire(A, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> store.save(TestSessions.session(A, 1), lease))
                    .isExactlyInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("cannot create the vault directory");
        }
        assertThatThrownBy(() -> store.load(A)).isExactlyInstanceOf(SessionStoreException.class)
                .hasMessageContaining("cannot read the vault");
    }
}
