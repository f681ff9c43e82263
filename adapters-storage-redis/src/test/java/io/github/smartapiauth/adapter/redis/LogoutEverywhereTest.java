package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A logout in one process is announced (notice and tombstone) and obeyed by every process sharing Redis. */
class LogoutEverywhereTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static int tests;
    private final Keys keys = new Keys("logout-" + (++tests) + ":");
    private final RedisSessions first = sessions(Clock.fixed(NOW, ZoneOffset.UTC));
    private final RedisSessions second = sessions(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private RedisSessions sessions(Clock clock) {
        return RedisSessions.builder(REDIS.server().uri()).key(TestRedis.KEY).keyPrefix(keys.prefix())
                .clock(clock).build();
    }

    private long pttl(String key) throws Exception {
        return Long.parseLong(REDIS.server().command("PTTL", key).substring(1));
    }

    @Test
    void aDeleteLeavesATombstoneForAtLeastTheLogoutMemoryAndTellsTheOtherProcesses() throws Exception {
        BlockingQueue<ClientCode> heard = new LinkedBlockingQueue<>();
        second.onRenewal(heard::add);
        second.store().load(A);
        TestRedis.save(first, session(A, "1"));
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(A);
        assertThat(pttl(keys.session(A))).as("a session shorter than a day").isLessThan(Duration.ofHours(24).toMillis());

        try (Lease lease = first.lease().acquire(A, Duration.ofSeconds(10))) {
            first.store().delete(A, lease);
        }

        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the logout is announced").isEqualTo(A);
        assertThat(second.store().loggedOut(A)).isTrue();
        assertThat(second.store().load(A)).isEmpty();
        assertThat(pttl(keys.tombstone(A))).as("outlives the session: a day, the logout memory")
                .isBetween(Duration.ofHours(24).toMillis() - 60_000, Duration.ofHours(24).toMillis());
        assertThat(first.store().loggedOut(SealedValuesTest.B)).isFalse();

        TestRedis.save(second, session(A, "explicit-login"));
        assertThat(first.store().loggedOut(A)).as("a save (an explicit login) lifts it").isFalse();
        assertThat(REDIS.server().get(keys.tombstone(A))).isNull();
    }

    @Test
    void aLogoutWithNoStoredSessionIsRememberedForADay() throws Exception {
        try (Lease lease = first.lease().acquire(A, Duration.ofSeconds(10))) {
            first.store().delete(A, lease);
        }
        assertThat(second.store().loggedOut(A)).isTrue();
        assertThat(pttl(keys.tombstone(A))).isBetween(Duration.ofHours(24).minusMinutes(1).toMillis(),
                Duration.ofHours(24).toMillis());
    }

    @Test
    void aLogoutInOneProcessStopsTheOtherOneWithoutAnyBrokerCall() throws Exception {
        CoreFixture fixture = new CoreFixture(NOW);
        try (RedisSessions one = sessions(fixture.clock); RedisSessions two = sessions(fixture.clock);
             SessionService coreOne = core(fixture, one); SessionService coreTwo = core(fixture, two)) {
            CountDownLatch noticeTaken = new CountDownLatch(1);
            two.onRenewal(account -> {
                coreTwo.adoptStoredSession(account);
                noticeTaken.countDown();
            });
            coreOne.accessToken(CoreFixture.ACCOUNT);
            coreTwo.accessToken(CoreFixture.ACCOUNT);
            int renewals = fixture.broker.upstreamRenewals();

            coreOne.logOut(AccountCommand.of(CoreFixture.ACCOUNT));

            assertThat(noticeTaken.await(10, TimeUnit.SECONDS)).as("the notice reached the other process").isTrue();
            assertThatThrownBy(() -> coreTwo.accessToken(CoreFixture.ACCOUNT))
                    .isInstanceOf(SessionExpiredException.class).hasMessageContaining("logged out");
            fixture.clock.advance(Duration.ofHours(10));
            assertThatThrownBy(() -> coreTwo.accessToken(CoreFixture.ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).as("nobody logged in again").isEqualTo(renewals);

            coreTwo.open(AccountCommand.of(CoreFixture.ACCOUNT));
            assertThat(one.store().loggedOut(CoreFixture.ACCOUNT)).as("an explicit login lifts the tombstone").isFalse();
        }
    }

    @Test
    void aProcessThatMissedTheNoticeLearnsOfTheLogoutUnderTheLeaseAndDoesNotLogIn() throws Exception {
        CoreFixture fixture = new CoreFixture(NOW);
        try (RedisSessions one = sessions(fixture.clock); RedisSessions deaf = sessions(fixture.clock);
             SessionService coreOne = core(fixture, one); SessionService coreDeaf = core(fixture, deaf)) {
            coreOne.accessToken(CoreFixture.ACCOUNT);
            coreDeaf.accessToken(CoreFixture.ACCOUNT);
            coreOne.logOut(AccountCommand.of(CoreFixture.ACCOUNT));
            int renewals = fixture.broker.upstreamRenewals();
            // Past the end of the session it holds: it must renew, and finds the tombstone under the lease.
            fixture.clock.advance(Duration.ofHours(20));

            assertThatThrownBy(() -> coreDeaf.accessToken(CoreFixture.ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(renewals);
        }
    }

    private static SessionService core(CoreFixture fixture, RedisSessions redis) {
        return fixture.builder(RenewalSettings.defaults(), Runnable::run).store(redis.store()).lease(redis.lease())
                .build();
    }
}
