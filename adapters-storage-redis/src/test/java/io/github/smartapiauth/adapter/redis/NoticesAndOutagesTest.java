package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.B;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewal notices between processes, and what an outage of Redis does (each test has its own server). */
class NoticesAndOutagesTest {

    private RedisServer server;
    private RedisSessions listening;
    private RedisSessions renewing;
    private final BlockingQueue<ClientCode> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = RedisServer.start();
        listening = sessions();
        renewing = sessions();
        listening.onRenewal(heard::add);
    }

    @AfterEach
    void stop() throws Exception {
        listening.close();
        renewing.close();
        server.close();
    }

    private RedisSessions sessions() {
        return RedisSessions.builder(server.uri()).key(TestRedis.KEY).keyPrefix("notices:")
                .commandTimeout(Duration.ofMillis(500)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void anotherProcessLearnsOfEachRenewalButNotOfItsOwn() throws Exception {
        listening.store().load(A);
        TestRedis.save(listening, session(B, "own"));
        TestRedis.save(renewing, session(A, "1"));

        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(A);
        assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).as("no notice of its own save").isNull();
    }

    @Test
    void duringAnOutageEveryOperationFailsAtOnceAsAStoreError() throws Exception {
        TestRedis.save(renewing, session(A, "1"));
        try (Lease held = renewing.lease().acquire(A, Duration.ofSeconds(10))) {
            server.stop();

            assertThatThrownBy(() -> renewing.store().load(A)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("unreachable");
            assertThatThrownBy(() -> renewing.store().save(session(A, "2"), held))
                    .isInstanceOf(SessionStoreException.class);
        }
        assertThatThrownBy(() -> renewing.lease().acquire(A, Duration.ofSeconds(30)))
                .isInstanceOf(SessionStoreException.class);
    }

    @Test
    void afterAnOutageStoreLeaseAndNoticesWorkAgainByThemselves() throws Exception {
        listening.store().load(A);
        TestRedis.save(renewing, session(A, "1"));
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(A);

        TestRedis.Recoveries renewingRecovers = TestRedis.recoveries(renewing);
        server.restart();
        renewingRecovers.await();
        TestRedis.save(renewing, session(A, "2"));
        assertThat(renewing.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-2");
        // The listener's subscription comes back with its connection.
        ClientCode notice = heard.poll(10, TimeUnit.SECONDS);
        for (int i = 0; notice == null && i < 20; i++) {
            TestRedis.save(renewing, session(A, "2"));
            notice = heard.poll(500, TimeUnit.MILLISECONDS);
        }
        assertThat(notice).isEqualTo(A);
    }

    @Test
    void aProcessStartedWhileRedisIsDownConnectsWhenItReturns() throws Exception {
        server.stop();
        try (RedisSessions late = sessions()) {
            assertThatThrownBy(() -> late.store().load(A)).isInstanceOf(SessionStoreException.class);
            server.restart();
            // Never connected: it connects with this use, to the server that is back.
            late.lease().acquire(A, Duration.ofSeconds(5)).close();
            assertThat(late.store().load(A)).isEmpty();
        }
    }
}
