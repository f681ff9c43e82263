package io.github.smartapiauth.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis key file follows the vault key file's rule: owner-only, or refused. */
class RedisKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void aKeyFileThatOthersCanReadIsRefusedAsTheVaultKeyFileIs() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        String base64 = Base64.getEncoder().encodeToString(TestRedis.KEY);
        Path file = Files.writeString(dir.resolve("redis.key"), base64 + "\n");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> RedisKeyMaterial.fromFile(file)).as(mode)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the Redis key file " + file + " may be read by others (" + mode + ")")
                    .hasMessageContaining("chmod 600").hasMessageNotContaining(base64);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(RedisKeyMaterial.fromFile(file)).isEqualTo(TestRedis.KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(RedisKeyMaterial.fromFile(file)).isEqualTo(TestRedis.KEY);
    }
}
