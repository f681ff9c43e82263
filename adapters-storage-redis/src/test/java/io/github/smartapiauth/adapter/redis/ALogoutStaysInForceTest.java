package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A logout, made by any process, stays in force in Redis until an explicit login: neither a
 * stale writer, nor a write-back after data loss, nor a renewal that could not read the mark,
 * nor the logged-out session's own expiry brings the account back.
 */
class ALogoutStaysInForceTest {

    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RedisSessions sessions(RedisServer server, Clock clock, String prefix) {
        return RedisSessions.builder(server.uri()).key(TestRedis.KEY).keyPrefix(prefix)
                .commandTimeout(Duration.ofMillis(500)).clock(clock).build();
    }

    private static RedisStoreEvent.Recovered recovered(BlockingQueue<RedisStoreEvent> events)
            throws InterruptedException {
        RedisStoreEvent event;
        while ((event = events.poll(15, TimeUnit.SECONDS)) != null) {
            if (event instanceof RedisStoreEvent.Recovered done) {
                return done;
            }
        }
        throw new AssertionError("no recovery reported within 15 s");
    }

    @Test
    void aSaveFencedOutAfterALogoutElsewhereIsNotWrittenBackAfterDataLoss() throws Exception {
        Keys keys = new Keys("stay1:");
        try (RedisServer server = RedisServer.start();
             RedisSessions stalled = sessions(server, FIXED, "stay1:");
             RedisSessions other = sessions(server, FIXED, "stay1:")) {
            BlockingQueue<RedisStoreEvent> events = new LinkedBlockingQueue<>();
            stalled.onStoreEvent(events::add);
            BlockingQueue<RedisStoreEvent> otherEvents = new LinkedBlockingQueue<>();
            other.onStoreEvent(otherEvents::add);
            BlockingQueue<ClientCode> heard = new LinkedBlockingQueue<>();
            stalled.onRenewal(heard::add);
            TestRedis.save(other, session(A, "1"));
            stalled.store().load(A);
            Lease mine = stalled.lease().acquire(A, Duration.ofSeconds(5));
            server.command("DEL", keys.lease(A)); // the stalled renewer's lease lapses
            try (Lease theirs = other.lease().acquire(A, Duration.ofSeconds(5))) {
                other.store().delete(A, theirs); // logout everywhere
            }
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(A);
            assertThatThrownBy(() -> stalled.store().save(session(A, "2"), mine))
                    .isInstanceOf(SessionStoreException.class);
            mine.close();

            server.restart();

            assertThat(recovered(events).writtenBack()).isEmpty();
            recovered(otherEvents);
            assertThat(other.store().load(A)).as("a logged-out account is not revived").isEmpty();
        }
    }

    @Test
    void aLogoutHereThatCouldNotReadTheStoreLeavesNothingToWriteBack() throws Exception {
        try (RedisServer server = RedisServer.start();
             RedisSessions one = sessions(server, FIXED, "stay2:")) {
            BlockingQueue<RedisStoreEvent> events = new LinkedBlockingQueue<>();
            one.onStoreEvent(events::add);
            TestRedis.save(one, session(A, "1"));
            one.store().forget(A); // what the core's logout does first, whether the store can be read or not

            server.restart();

            assertThat(recovered(events).writtenBack()).isEmpty();
            assertThat(one.store().load(A)).isEmpty();
        }
    }

    @Test
    void aRenewalsSaveIsRefusedWhileTheLogoutStandsAndOnlyAnExplicitLoginLiftsIt() throws Exception {
        try (RedisServer server = RedisServer.start();
             RedisSessions renewer = sessions(server, FIXED, "stay3:");
             RedisSessions other = sessions(server, FIXED, "stay3:")) {
            TestRedis.save(other, session(A, "1"));
            try (Lease theirs = other.lease().acquire(A, Duration.ofSeconds(5))) {
                other.store().delete(A, theirs);
            }

            try (Lease mine = renewer.lease().acquire(A, Duration.ofSeconds(5))) {
                // Whatever a separate read of the mark said (a timeout counts as none), the write checks it.
                assertThat(renewer.store().saveUnlessLoggedOut(session(A, "2"), mine)).isFalse();
                assertThat(renewer.store().load(A)).isEmpty();
                assertThat(renewer.store().loggedOut(A)).isTrue();

                renewer.store().save(session(A, "3"), mine); // an explicit login
            }
            assertThat(other.store().loggedOut(A)).isFalse();
            assertThat(other.store().load(A)).map(s -> s.tokens().accessToken().value()).contains("access-secret-3");
        }
    }

    @Test
    void aProcessThatMissedTheNoticeDoesNotLogInAfterTheLoggedOutSessionExpiredInRedis() throws Exception {
        CoreFixture fixture = new CoreFixture(NOW);
        Keys keys = new Keys("stay4:");
        try (RedisServer server = RedisServer.start();
             RedisSessions one = sessions(server, fixture.clock, "stay4:");
             RedisSessions deaf = sessions(server, fixture.clock, "stay4:");
             SessionService coreOne = core(fixture, one); SessionService coreDeaf = core(fixture, deaf);
             KeyspaceEvents marker = KeyspaceEvents.of(server, "stay4:marker")) {
            // Expiry events too ("x"): the marker's tells that real time went by.
            assertThat(server.command("CONFIG", "SET", "notify-keyspace-events", "Kg$x")).isEqualTo("+OK");
            coreOne.accessToken(CoreFixture.ACCOUNT);
            coreDeaf.accessToken(CoreFixture.ACCOUNT);
            // The stored session is near its end in Redis's own time when the logout comes.
            server.command("PEXPIRE", keys.session(CoreFixture.ACCOUNT), "50");
            coreOne.logOut(AccountCommand.of(CoreFixture.ACCOUNT));
            int renewals = fixture.broker.upstreamRenewals();
            // Real time passes beyond the session's end: Redis expires a key set to live longer.
            server.command("SET", "stay4:marker", "x", "PX", "150");
            String event;
            do {
                event = marker.next(Duration.ofSeconds(10));
            } while (!event.equals("expired"));

            assertThat(server.command("EXISTS", keys.session(CoreFixture.ACCOUNT))).isEqualTo(":0");
            assertThat(deaf.store().loggedOut(CoreFixture.ACCOUNT)).as("the tombstone outlived the session").isTrue();
            long tombstoneLife = Long.parseLong(server.command("PTTL", keys.tombstone(CoreFixture.ACCOUNT))
                    .substring(1));
            assertThat(tombstoneLife).as("at least the logout memory").isGreaterThan(Duration.ofHours(23).toMillis());
            fixture.clock.advance(Duration.ofHours(20));
            assertThatThrownBy(() -> coreDeaf.accessToken(CoreFixture.ACCOUNT))
                    .isInstanceOf(SessionExpiredException.class).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).as("no automatic login after a logout").isEqualTo(renewals);
        }
    }

    private static SessionService core(CoreFixture fixture, RedisSessions redis) {
        return fixture.builder(RenewalSettings.defaults(), Runnable::run).store(redis.store()).lease(redis.lease())
                .build();
    }
}
