package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two "processes" (adapter instances) on one Redis: leases lapse, fences refuse stale writers. */
class FencingTest {

    private static final Duration LONG = Duration.ofSeconds(20);
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static int tests;
    private final Keys keys = new Keys("fencing-" + (++tests) + ":");
    private final RedisSessions first = sessions(Duration.ofSeconds(30));
    private final RedisSessions second = sessions(Duration.ofSeconds(30));

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private RedisSessions sessions(Duration leaseTime) {
        return RedisSessions.builder(REDIS.server().uri()).key(TestRedis.KEY).keyPrefix(keys.prefix())
                .leaseTime(leaseTime)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void aFenceThatLostItsLastIncrementsStillGrantsAboveEveryTokenHandedOut() throws Exception {
        long handedOut;
        try (Lease before = first.lease().acquire(A, LONG)) {
            handedOut = before.fencingToken();
        }
        // A failover to a replica that missed the last increments: the counter went back.
        REDIS.server().command("SET", keys.fence(A), Long.toString(handedOut - 1000));
        try (Lease after = second.lease().acquire(A, LONG)) {
            assertThat(after.fencingToken()).isGreaterThan(handedOut);
        }
    }

    @Test
    void aRenewerThatStalledPastItsLeaseCannotReplaceTheNewerSession() throws Exception {
        try (Lease stalled = first.lease().acquire(A, LONG)) {
            // The stalled holder stops extending its lease, which lapses.
            REDIS.server().command("DEL", keys.lease(A));
            try (Lease newer = second.lease().acquire(A, LONG)) {
                assertThat(newer.fencingToken()).isGreaterThan(stalled.fencingToken());
                second.store().save(session(A, "newer"), newer);
            }
            assertThatThrownBy(() -> first.store().save(session(A, "stale"), stalled)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("fencing token " + stalled.fencingToken());
            assertThatThrownBy(() -> first.store().delete(A, stalled)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("newer renewer holds the lease");
        }
        assertThat(first.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-newer");
    }

    @Test
    void aHolderWhoseLeaseLapsedWithoutANewGrantMayStillSave() throws Exception {
        try (Lease held = first.lease().acquire(A, LONG)) {
            REDIS.server().command("DEL", keys.lease(A));
            first.store().save(session(A, "late"), held);
        }
        assertThat(second.store().load(A)).isPresent();
    }

    @Test
    void theLeaseAWriteCarriesFencesItWhicheverThreadWrites() throws Exception {
        AtomicReference<Throwable> staleWrite = new AtomicReference<>();
        try (Lease held = first.lease().acquire(A, LONG)) {
            REDIS.server().command("DEL", keys.lease(A));
            try (Lease newer = second.lease().acquire(A, LONG)) {
                Thread other = new Thread(() -> staleWrite.set(catchThrowable(
                        () -> first.store().save(session(A, "stale-from-another-thread"), held))));
                other.start();
                other.join();
                Thread writer = new Thread(() -> first.store().save(session(A, "newer-from-another-thread"), newer));
                writer.start();
                writer.join();
            }
        }
        assertThat(staleWrite.get()).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("newer renewer holds the lease");
        assertThat(first.store().load(A).orElseThrow().tokens().accessToken().value())
                .isEqualTo("access-secret-newer-from-another-thread");
    }

    @Test
    void aCrashedHoldersLeaseLapsesAtItsExpiry() throws Exception {
        // What a holder that died leaves behind: its owner id with the lease's expiry.
        REDIS.server().command("SET", keys.lease(A), "owner-that-crashed", "PX", "60000");

        assertThatThrownBy(() -> second.lease().acquire(A, Duration.ofMillis(50)))
                .isInstanceOf(SessionStoreException.class);
        // Its expiry comes now instead of in a minute: Redis itself lets the key lapse.
        REDIS.server().command("PEXPIRE", keys.lease(A), "1");
        try (Lease taken = second.lease().acquire(A, LONG)) {
            assertThat(taken.fencingToken()).isPositive();
        }
    }

    @Test
    void aLiveHolderKeepsExtendingItsLeasePastItsLeaseTime() throws Exception {
        Duration leaseTime = Duration.ofMillis(300);
        try (KeyspaceEvents lease = KeyspaceEvents.of(REDIS.server(), keys.lease(A));
             RedisSessions shortLeases = sessions(leaseTime);
             Lease held = shortLeases.lease().acquire(A, LONG)) {
            // The grant (SET ... PX) is reported as "set" then "expire".
            assertThat(List.of(lease.next(LONG), lease.next(LONG))).containsExactly("set", "expire");
            // Then one "expire" (PEXPIRE) per extension, every third of the lease time: the fourth comes
            // after the grant's own expiry would have passed.
            for (int extension = 1; extension <= 4; extension++) {
                assertThat(lease.next(LONG)).as("extension %d", extension).isEqualTo("expire");
            }
            assertThatThrownBy(() -> second.lease().acquire(A, Duration.ofMillis(20)))
                    .isInstanceOf(SessionStoreException.class);
            assertThat(Long.parseLong(REDIS.server().command("PTTL", keys.lease(A)).substring(1))).isPositive();
        }
    }

    @Test
    void fencingTokensKeepGrowingWhenRedisRestartsEmpty() throws Exception {
        long before;
        try (Lease held = first.lease().acquire(A, LONG)) {
            before = held.fencingToken();
        }
        REDIS.server().restart();
        // The second adapter was never connected: it connects now, to the restarted server.
        try (Lease after = second.lease().acquire(A, LONG)) {
            assertThat(after.fencingToken()).isGreaterThan(before);
        }
    }
}
