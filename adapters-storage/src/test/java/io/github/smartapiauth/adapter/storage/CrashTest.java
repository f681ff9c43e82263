package io.github.smartapiauth.adapter.storage;

import static io.github.smartapiauth.adapter.storage.TestSessions.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL at random moments never leaves a vault that does not open to a whole session. */
class CrashTest {

    private static final int KILLS = 50;

    @TempDir
    Path root;

    @Test
    void aWriterKilledAtRandomMomentsAlwaysLeavesACompleteSession() throws Exception {
        assumeThat(System.getProperty("os.name")).as("destroyForcibly sends SIGKILL on Linux").startsWith("Linux");
        Path directory = root.resolve("vault");
        Path key = root.resolve("vault.key");
        FileSessionStore.createKeyFile(key);
        SplittableRandom random = new SplittableRandom(20261124L);
        long last = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int exit;
            long ready;
            try (ChildJvm writer = ChildJvm.start(VaultWriterChild.class, root.resolve("child.err"),
                    directory.toString(), key.toString())) {
                String line = writer.nextLine(Duration.ofSeconds(60));
                assertThat(line).startsWith("ready ");
                ready = Long.parseLong(line.substring(6));
                TimeUnit.MICROSECONDS.sleep(random.nextInt(0, 150_000));
                exit = writer.kill();
            }
            assertThat(exit).as("killed by SIGKILL").isEqualTo(128 + 9);

            FileSessionStore reader = FileSessionStore.builder(directory).keyFile(key).build();
            long n = TestSessions.numberOf(reader.load(A).orElseThrow());
            assertThat(ready).as("the child continued from the stored session").isEqualTo(last + 1);
            assertThat(n).as("kill " + kill).isGreaterThanOrEqualTo(ready);
            last = n;
        }
        try (var files = java.nio.file.Files.list(directory)) {
            // Temp files left behind show that kills landed inside writes, between the temp file and the rename.
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).isPositive();
        }
    }
}
