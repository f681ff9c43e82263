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

    static boolean exist(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".vault"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
