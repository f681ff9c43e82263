package io.github.smartapiauth.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What Redis holds: sealed values that never show a token, open only with the key and only under their own key name. */
class SealedValuesTest {

    static final Instant NOW = Instant.parse("2026-11-24T03:45:10Z");
    static final ClientCode A = ClientCode.of("A1234567");
    static final ClientCode B = ClientCode.of("B7654321");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private final Keys keys = new Keys("sealed:");
    private final RedisSessions sessions =
            TestRedis.sessions(REDIS.server(), keys.prefix(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final SessionStorePort store = sessions.store();

    @AfterEach
    void close() {
        sessions.close();
    }

    static Session session(ClientCode account, String tag) {
        TokenSet tokens = new TokenSet(AccessToken.of("access-secret-" + tag, NOW.plus(Duration.ofHours(8))),
                RefreshToken.of("refresh-secret-" + tag), FeedToken.of("feed-secret-" + tag));
        return new Session(account, tokens, NOW, NOW, NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void redisNeverSeesAToken() throws Exception {
        TestRedis.save(sessions, session(A, "1"));

        byte[] raw = REDIS.server().get(keys.session(A));
        String asText = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(asText).startsWith("SARS").doesNotContain("secret", "access", "refresh", "feed");
        assertThat(raw[4]).as("version").isEqualTo((byte) 1);
        assertThat(raw[5]).as("AES-256-GCM").isEqualTo((byte) 1);
        assertThat(raw).hasSize(SessionSeal.HEADER_LENGTH + SessionRecord.encode(session(A, "1")).length + 16);
    }

    @Test
    void theSessionExpiresInRedisWithTheSession() throws Exception {
        TestRedis.save(sessions, session(A, "1"));

        long ttl = Long.parseLong(REDIS.server().command("PTTL", keys.session(A)).substring(1));
        assertThat(ttl).isBetween(Duration.ofHours(6).minusSeconds(60).toMillis(), Duration.ofHours(6).toMillis());
    }

    @Test
    void anotherKeyCannotOpenItAndLeavesItAlone() throws Exception {
        TestRedis.save(sessions, session(A, "1"));
        byte[] before = REDIS.server().get(keys.session(A));
        try (RedisSessions other = RedisSessions.builder(REDIS.server().uri()).key(TestRedis.key(9))
                .keyPrefix(keys.prefix())
                .build()) {
            assertThatThrownBy(() -> other.store().load(A)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("another key").hasMessageNotContaining("secret");
        }
        assertThat(REDIS.server().get(keys.session(A))).isEqualTo(before);
        assertThat(store.load(A)).isPresent();
    }

    @Test
    void anyChangedByteFailsAuthentication() throws Exception {
        TestRedis.save(sessions, session(A, "1"));
        byte[] raw = REDIS.server().get(keys.session(A));
        for (int at : new int[] {4, 5, 6, SessionSeal.HEADER_LENGTH - 1, SessionSeal.HEADER_LENGTH, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[at] ^= 0x01;
            REDIS.server().set(keys.session(A), tampered);
            assertThatThrownBy(() -> store.load(A)).as("byte %d", at).isInstanceOf(SessionStoreException.class);
        }
    }

    @Test
    void aValueMovedToAnotherAccountDoesNotOpen() throws Exception {
        TestRedis.save(sessions, session(A, "1"));
        TestRedis.save(sessions, session(B, "2"));
        REDIS.server().set(keys.session(B), REDIS.server().get(keys.session(A)));

        assertThatThrownBy(() -> store.load(B)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    void theKeyComesAsRawBytesOrBase64InAFileOrAsBase64(@TempDir Path dir) throws Exception {
        Path raw = Files.write(dir.resolve("raw.key"), TestRedis.KEY);
        Path text = Files.writeString(dir.resolve("b64.key"), Base64.getEncoder().encodeToString(TestRedis.KEY) + "\n");
        for (Path file : new Path[] {raw, text}) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(RedisKeyMaterial.fromFile(raw)).isEqualTo(TestRedis.KEY);
        assertThat(RedisKeyMaterial.fromFile(text)).isEqualTo(TestRedis.KEY);
        assertThat(RedisKeyMaterial.fromBase64(RedisKeyMaterial.generateBase64())).hasSize(32);
        assertThatThrownBy(() -> RedisKeyMaterial.fromBase64("c2hvcnQ=")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> RedisKeyMaterial.fromFile(dir.resolve("missing"))).isInstanceOf(
                ConfigurationException.class);
    }

    @Test
    void describeNamesNeitherPasswordNorKey() {
        try (RedisSessions withPassword = RedisSessions.builder(java.net.URI.create(
                "redis://:hunter2@127.0.0.1:" + REDIS.server().port() + "/0")).key(TestRedis.KEY).build()) {
            assertThat(withPassword.describe()).contains("127.0.0.1:" + REDIS.server().port()).doesNotContain("hunter2");
        }
    }
}
