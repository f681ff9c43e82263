package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack as reported: a client with a 64 MiB heap logs in against a loopback server that
 * answers with 300 MB. Before the cap held while reading, the JDK client's threads died of
 * {@code OutOfMemoryError} and the login hung in {@code HttpClientImpl.send} forever.
 */
@Timeout(120)
class SmallHeapFloodTest {

    @Test
    void aClientWithA64MebibyteHeapGetsTheCapErrorFromA300MegabyteAnswer(@TempDir Path dir) throws Exception {
        try (FloodServer server = new FloodServer(FloodServer.Framing.UNTIL_CLOSE, HostileBodyTest.THREE_HUNDRED_MB)) {
            Path out = dir.resolve("child.out");
            Process child = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), LoginOnceChild.class.getName(),
                    server.base().toString()))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = child.waitFor(90, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            String output = read(out);
            assertThat(ended).as("the child JVM finished its login; its output: %s", output).isTrue();
            assertThat(output).contains("UnexpectedResponseException").contains("larger than 1 MiB")
                    .doesNotContain("OutOfMemoryError");
            assertThat(server.bodyBytesWritten()).isLessThan(HostileBodyTest.MOST_A_CLOSED_CONNECTION_ABSORBS);
        }
    }

    private static String read(Path file) throws IOException {
        return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    }
}
