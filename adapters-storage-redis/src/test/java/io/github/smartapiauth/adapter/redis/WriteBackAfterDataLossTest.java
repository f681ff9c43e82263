package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.B;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis comes back empty after a restart: the session a process kept serving is written back, fenced anew. */
class WriteBackAfterDataLossTest {

    private RedisServer server;
    private RedisSessions holder;
    private RedisSessions other;
    private final BlockingQueue<RedisStoreEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = RedisServer.start();
        holder = sessions();
        other = sessions();
        holder.onStoreEvent(events::add);
    }

    @AfterEach
    void stop() throws Exception {
        holder.close();
        other.close();
        server.close();
    }

    private RedisSessions sessions() {
        return RedisSessions.builder(server.uri()).key(TestRedis.KEY).keyPrefix("writeback:")
                .commandTimeout(Duration.ofMillis(500)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private <T extends RedisStoreEvent> T next(Class<T> type) throws InterruptedException {
        List<RedisStoreEvent> seen = new ArrayList<>();
        for (RedisStoreEvent event; (event = events.poll(15, TimeUnit.SECONDS)) != null; ) {
            if (type.isInstance(event)) {
                return type.cast(event);
            }
            seen.add(event);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 15 s; saw " + seen);
    }

    @Test
    void theSessionHeldThroughALossOfRedisDataIsWrittenBackUnderANewLeaseAndTheOutageIsReported() throws Exception {
        TestRedis.save(holder, session(A, "held"));
        long before;
        try (Lease lease = holder.lease().acquire(A, Duration.ofSeconds(5))) {
            before = lease.fencingToken();
        }

        server.restart();

        RedisStoreEvent.Outage outage = next(RedisStoreEvent.Outage.class);
        assertThat(outage.where()).contains("127.0.0.1");
        RedisStoreEvent.Recovered recovered = next(RedisStoreEvent.Recovered.class);
        assertThat(recovered.down()).isPositive();
        assertThat(recovered.writtenBack()).singleElement().satisfies(back -> {
            assertThat(back.account()).isEqualTo(A);
            assertThat(back.fencingToken()).as("a new lease, fenced above every grant before the loss")
                    .isGreaterThan(before);
        });
        assertThat(other.store().load(A).orElseThrow().tokens().accessToken().value())
                .isEqualTo("access-secret-held");
    }

    /**
     * A failover during a renewal: the renewer's save cannot reach Redis, and the primary that comes back (here the
     * same server with its data, as a promoted replica holds what was replicated) still has the renewer's lease.
     * The session is written under that lease, and the lease given back, so another process finds it renewed
     * instead of renewing again (one renewal for every process, as `SentinelFailoverTest` asks).
     */
    @Test
    void aSessionWhoseSaveCouldNotReachRedisIsWrittenUnderItsOwnLeaseBeforeAnyOtherProcessCanRenew() throws Exception {
        TestRedis.save(holder, session(A, "before"));
        Session renewed = new Session(A, session(A, "renewed").tokens(), NOW, NOW.plusSeconds(60),
                NOW.plus(Duration.ofHours(6)));
        Lease renewal = holder.lease().acquire(A, Duration.ofSeconds(5));
        server.killKeepingData();

        assertThatThrownBy(() -> holder.store().saveUnlessLoggedOut(renewed, renewal))
                .isInstanceOf(SessionStoreException.class);
        renewal.close(); // cannot be given back either: Redis is down
        server.startAgain();

        RedisStoreEvent.Recovered recovered = next(RedisStoreEvent.Recovered.class);
        assertThat(recovered.writtenBack()).singleElement().satisfies(back ->
                assertThat(back.fencingToken()).as("the renewal's own lease").isEqualTo(renewal.fencingToken()));
        try (Lease next = other.lease().acquire(A, Duration.ofMillis(500))) {
            assertThat(next.fencingToken()).isGreaterThan(renewal.fencingToken());
            assertThat(other.store().load(A).orElseThrow().tokens().accessToken().value())
                    .as("another process finds the session renewed").isEqualTo("access-secret-renewed");
        }
    }

    /**
     * The renewer stalled: another renewer was granted the lease since (its session, or its logout, is the newer
     * act). The stalled renewer's session, renewed from an older one, is not written back at all, neither under its
     * own lease (fenced out) nor under a new one.
     */
    @Test
    void anUnsavedSessionWhoseLeaseWasGrantedToAnotherRenewerSinceIsNotWrittenBack() throws Exception {
        TestRedis.save(holder, session(A, "before"));
        Session stalled = new Session(A, session(A, "stalled").tokens(), NOW, NOW.plusSeconds(60),
                NOW.plus(Duration.ofHours(6)));
        Lease renewal = holder.lease().acquire(A, Duration.ofSeconds(5));
        // Another renewer's grant, as if this renewal had stalled past its lease.
        server.command("SET", "writeback:{" + A.value() + "}:fence", Long.toString(renewal.fencingToken() + 1000));
        server.killKeepingData();

        assertThatThrownBy(() -> holder.store().saveUnlessLoggedOut(stalled, renewal))
                .isInstanceOf(SessionStoreException.class);
        renewal.close();
        server.startAgain();

        assertThat(next(RedisStoreEvent.Recovered.class).writtenBack()).isEmpty();
        assertThat(other.store().load(A).orElseThrow().tokens().accessToken().value()).isEqualTo("access-secret-before");
    }

    @Test
    void theOutageAndTheRecoveryAreReportedOnTheAdaptersThreadNeverOnLettucesIoThread() throws Exception {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        holder.onStoreEvent(event -> threads.add(event.getClass().getSimpleName() + " on "
                + Thread.currentThread().getName()));
        holder.store().load(A);

        server.restart();

        assertThat(threads.poll(15, TimeUnit.SECONDS)).isEqualTo("Outage on smartapi-auth-redis-recovery");
        assertThat(threads.poll(15, TimeUnit.SECONDS)).isEqualTo("Recovered on smartapi-auth-redis-recovery");
    }

    @Test
    void closingTheStoreIsNotAnOutage() throws Exception {
        BlockingQueue<RedisStoreEvent> closing = new LinkedBlockingQueue<>();
        RedisSessions closed = sessions();
        closed.onStoreEvent(closing::add);
        closed.store().load(A);

        closed.close();

        assertThat(closing.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aWriteUnderTheLeaseTakenBeforeTheLossIsRefused() throws Exception {
        TestRedis.save(holder, session(B, "other"));
        TestRedis.Recoveries otherRecovers = TestRedis.recoveries(other);
        try (Lease old = other.lease().acquire(A, Duration.ofSeconds(5))) {
            server.restart();
            otherRecovers.await();
            other.lease().acquire(B, Duration.ofSeconds(5)).close();

            assertThatThrownBy(() -> other.store().save(session(A, "stale"), old))
                    .isInstanceOf(SessionStoreException.class).hasMessageContaining("fencing token " + old.fencingToken());
        }
        assertThat(other.store().load(A)).isEmpty();
    }

    @Test
    void nothingIsWrittenBackForAnAccountLoggedOutElsewhereOrASessionThatAlreadyEnded() throws Exception {
        TestRedis.save(holder, session(A, "held"));
        BlockingQueue<io.github.smartapiauth.domain.credential.ClientCode> heard = new LinkedBlockingQueue<>();
        holder.onRenewal(heard::add);
        holder.store().load(B);
        try (Lease lease = other.lease().acquire(A, Duration.ofSeconds(5))) {
            other.store().delete(A, lease);
        }
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the logout notice").isEqualTo(A);
        BlockingQueue<RedisStoreEvent> lateEvents = new LinkedBlockingQueue<>();
        try (RedisSessions late = RedisSessions.builder(server.uri()).key(TestRedis.KEY).keyPrefix("writeback:")
                .clock(Clock.fixed(NOW.plus(Duration.ofHours(7)), ZoneOffset.UTC)).build()) {
            late.onStoreEvent(lateEvents::add);
            try (RedisSessions gone = sessions()) {
                TestRedis.save(gone, session(B, "ended"));
            }
            assertThat(late.store().load(B)).as("stored, though ended by this process's clock").isPresent();

            server.restart();

            assertThat(next(RedisStoreEvent.Recovered.class).writtenBack()).as("logged out elsewhere").isEmpty();
            RedisStoreEvent event;
            while ((event = lateEvents.poll(15, TimeUnit.SECONDS)) != null
                    && !(event instanceof RedisStoreEvent.Recovered)) {
                // the outage first
            }
            assertThat(event).isInstanceOf(RedisStoreEvent.Recovered.class);
            assertThat(((RedisStoreEvent.Recovered) event).writtenBack()).as("ended").isEmpty();
        }
        assertThat(server.get("writeback:{" + A.value() + "}:session")).isNull();
        assertThat(server.get("writeback:{" + B.value() + "}:session")).isNull();
    }
}
