package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.B;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.SentinelCluster;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store through Redis Sentinel: it follows a failover, and the fence stays monotonic across it. */
class SentinelFailoverStoreTest {

    private SentinelCluster cluster;
    private RedisSessions one;
    private RedisSessions two;
    private final BlockingQueue<RedisStoreEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        cluster = SentinelCluster.start();
        one = sessions();
        two = sessions();
        one.onStoreEvent(events::add);
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
        cluster.close();
    }

    private RedisSessions sessions() {
        return RedisSessions.builder(cluster.uri()).key(TestRedis.KEY).keyPrefix("sentinel:")
                .commandTimeout(Duration.ofMillis(500)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void afterThePrimaryIsKilledEveryProcessFollowsThePromotedReplicaAndStaleFencesAreRefused() throws Exception {
        TestRedis.save(one, session(A, "before"));
        assertThat(two.describe()).contains("redis-sentinel://127.0.0.1:").contains("/mymaster/0");
        Lease stale = two.lease().acquire(B, Duration.ofSeconds(5));
        long handedOut = stale.fencingToken();
        cluster.awaitReplicated();
        // The promoted replica missed the last grant: its counter is behind what the old primary handed out.
        SentinelCluster.call(cluster.primary().port(), "SET", "sentinel:{" + B.value() + "}:fence",
                Long.toString(handedOut + 1_000_000));

        TestRedis.Recoveries twoRecovers = TestRedis.recoveries(two);
        cluster.killPrimary();
        Duration promotion = cluster.awaitPromotion(Duration.ofSeconds(30));

        RedisStoreEvent.Recovered recovered = null;
        for (RedisStoreEvent event; recovered == null && (event = events.poll(30, TimeUnit.SECONDS)) != null; ) {
            recovered = event instanceof RedisStoreEvent.Recovered r ? r : null;
        }
        assertThat(recovered).as("the recovery after a promotion of %s", promotion).isNotNull();
        // The stale holder's lease did not survive the failover either (it lapses, or was never replicated).
        SentinelCluster.call(cluster.replica().port(), "DEL", "sentinel:{" + B.value() + "}:lease");
        twoRecovers.await();
        assertThat(two.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-before");
        try (Lease fresh = two.lease().acquire(B, Duration.ofSeconds(5))) {
            assertThat(fresh.fencingToken()).as("above every token the old primary handed out")
                    .isGreaterThan(handedOut + 1_000_000);
            assertThatThrownBy(() -> two.store().save(session(B, "stale"), stale))
                    .isInstanceOf(SessionStoreException.class).hasMessageContaining("fencing token " + handedOut);
            two.store().save(session(B, "fresh"), fresh);
        } finally {
            stale.close();
        }
        assertThat(one.store().load(B).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-fresh");
    }

    @Test
    void aSentinelUriThatIsNotOneIsReportedWithoutItsPassword() {
        for (String bad : new String[] {"redis-sentinel://:pw-Secret9@h1:26379,h2:26379", "redis-sentinel://:pw-Secret9@/m",
                "redis-sentinel://:pw-Secret9@h1:x,h2/m", "redis-sentinel://:pw-Secret9@h1,,h2/m"}) {
            assertThatThrownBy(() -> RedisSessions.builder(URI.create(bad))).as(bad)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("Sentinel")
                    .hasMessageNotContaining("pw-Secret9");
        }
        assertThat(RedisSessions.describe(URI.create("rediss-sentinel://:pw-Secret9@h1,h2:26380/main/3")))
                .isEqualTo("rediss-sentinel://h1:26379,h2:26380/main/3");
    }
}
