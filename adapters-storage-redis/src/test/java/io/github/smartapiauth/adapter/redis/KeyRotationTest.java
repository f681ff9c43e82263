package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A key ring: the current key seals, older keys still open, and the next save reseals with the current key. */
class KeyRotationTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static int tests;
    private static final byte[] OLD = TestRedis.key(1);
    private static final byte[] NEW = TestRedis.key(2);
    private final Keys keys = new Keys("rotation-" + (++tests) + ":");

    @TempDir
    Path dir;

    private RedisSessions ring(byte[]... ring) {
        return RedisSessions.builder(REDIS.server().uri()).keyRing(List.of(ring)).keyPrefix(keys.prefix())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private byte[] keyIdInRedis() throws Exception {
        byte[] raw = REDIS.server().get(keys.session(A));
        return Arrays.copyOfRange(raw, SessionSeal.MAGIC.length + 2, SessionSeal.MAGIC.length + 2
                + SessionSeal.KEY_ID_LENGTH);
    }

    @Test
    void theRotationStepsKeepEveryProcessReadingAndEndWithEveryValueUnderTheNewKey() throws Exception {
        try (RedisSessions before = ring(OLD)) {
            TestRedis.save(before, session(A, "1"));
        }
        // Step 1: every process learns the new key as an older one; the old key still seals.
        try (RedisSessions learning = ring(OLD, NEW); RedisSessions notYet = ring(OLD)) {
            TestRedis.save(learning, session(A, "2"));
            assertThat(keyIdInRedis()).isEqualTo(SessionSeal.keyIdOf(OLD));
            assertThat(notYet.store().load(A)).isPresent();
        }
        // Step 2: the new key becomes current; a value sealed with the old one still opens, and is resealed.
        try (RedisSessions rotated = ring(NEW, OLD); RedisSessions lagging = ring(OLD, NEW)) {
            assertThat(rotated.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-2");
            TestRedis.save(rotated, session(A, "3"));
            assertThat(keyIdInRedis()).as("resealed on the next save").isEqualTo(SessionSeal.keyIdOf(NEW));
            assertThat(lagging.store().load(A)).as("a process still on step 1 reads it").isPresent();
        }
        // Step 3: the old key is dropped.
        try (RedisSessions done = ring(NEW)) {
            assertThat(done.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-3");
        }
    }

    @Test
    void aValueUnderAKeyOutsideTheRingIsReportedAndLeftAlone() throws Exception {
        try (RedisSessions old = ring(OLD)) {
            TestRedis.save(old, session(A, "1"));
        }
        byte[] before = REDIS.server().get(keys.session(A));
        try (RedisSessions other = ring(NEW)) {
            assertThatThrownBy(() -> other.store().load(A)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("none of this process's keys");
        }
        assertThat(REDIS.server().get(keys.session(A))).isEqualTo(before);
    }

    @Test
    void aKeyFileHoldsTheRingOneBase64KeyALineTheCurrentOneFirst() throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        Path file = Files.writeString(dir.resolve("ring.key"), "# current first\n" + base64.encodeToString(NEW)
                + "\n\n" + base64.encodeToString(OLD) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<byte[]> ring = RedisKeyMaterial.ringFromFile(file);
        assertThat(ring).hasSize(2);
        assertThat(ring.get(0)).isEqualTo(NEW);
        assertThat(ring.get(1)).isEqualTo(OLD);
        assertThat(RedisKeyMaterial.ringFromBase64(base64.encodeToString(NEW) + "," + base64.encodeToString(OLD)))
                .hasSize(2);

        Files.writeString(file, base64.encodeToString(NEW) + "\n" + base64.encodeToString(NEW) + "\n");
        assertThatThrownBy(() -> RedisKeyMaterial.ringFromFile(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("twice").hasMessageNotContaining(base64.encodeToString(NEW));
        Files.writeString(file, base64.encodeToString(NEW) + "\nnot-a-key\n");
        assertThatThrownBy(() -> RedisKeyMaterial.ringFromFile(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining("not-a-key");
    }
}
