package io.github.smartapiauth.bootstrap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Whether a directory holds a vault yet (any {@code .vault} file): a new one takes the passphrase it is made with. */
final class VaultFiles {

    private VaultFiles() {
    }

    /** Deletes the vault's files ({@code .vault}, and the {@code .totp-sent} beside them); how many vaults went. */
    static int discard(Path directory) {
        int vaults = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".vault") || name.endsWith(".totp-sent")) {
                    Files.delete(file);
                    vaults += name.endsWith(".vault") ? 1 : 0;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (IOException | UncheckedIOException e) {
            throw new io.github.smartapiauth.domain.error.SessionStoreException("cannot discard the vault in " + directory
                    + " (" + e.getClass().getSimpleName() + "); check its permissions", null, e);
        }
        return vaults;
    }

    static boolean exist(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".vault"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
