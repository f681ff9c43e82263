package io.github.smartapiauth.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis password never reaches a log, whatever level Lettuce's and Netty's loggers are at. */
class SecretsAroundRedisTest {

    private static final String PASSWORD = "Red1sPassw0rdSentinel";

    @TempDir
    Path dir;

    @Test
    void lettuceAndNettyAtTraceNeverPrintTheRedisPassword() throws Exception {
        Path log = dir.resolve("probe.log");
        try (RedisServer server = RedisServer.startWithPassword(PASSWORD)) {
            Process probe = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                    "-cp", System.getProperty("java.class.path"), VerboseRedisProbe.class.getName(),
                    server.uri().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new AssertionError("the probe JVM did not end within 60 s; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(probe.exitValue()).as(output).isZero();
            assertThat(output).contains("probe done")
                    .as("Lettuce logged at DEBUG: the logs were really on").contains("DEBUG io.lettuce.core")
                    .doesNotContain(PASSWORD).doesNotContain(PASSWORD.substring(0, 12));
        }
    }
}
