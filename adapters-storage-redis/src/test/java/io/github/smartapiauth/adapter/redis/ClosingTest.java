package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.SealedValuesTest.A;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.NOW;
import static io.github.smartapiauth.adapter.redis.SealedValuesTest.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closing the adapter stops its own threads before it returns, and a notice arriving meanwhile is dropped quietly. */
class ClosingTest {

    @Test
    void closeReturnsOnlyOnceTheRecoveryThreadHasFinishedWhatItWasDoing() throws Exception {
        try (RedisServer server = RedisServer.start()) {
            RedisSessions sessions = RedisSessions.builder(server.uri()).key(TestRedis.KEY).keyPrefix("closing:")
                    .commandTimeout(Duration.ofSeconds(5)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            CountDownLatch busy = new CountDownLatch(1);
            AtomicBoolean finished = new AtomicBoolean();
            AtomicReference<Thread> recoveryThread = new AtomicReference<>();
            sessions.onStoreEvent(event -> {
                if (!(event instanceof RedisStoreEvent.Recovered)) {
                    return;
                }
                recoveryThread.set(Thread.currentThread());
                busy.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS); // works until told to stop
                } catch (InterruptedException stop) {
                    // Winds down: some last work (a write-back's last step), then ends.
                    finished.set(windDown() != 0);
                }
            });
            TestRedis.save(sessions, session(A, "1"));
            server.restart();
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

            sessions.close();

            assertThat(finished).as("close waited for the recovery thread's last work").isTrue();
            recoveryThread.get().join(TimeUnit.SECONDS.toMillis(5));
            assertThat(recoveryThread.get().isAlive()).isFalse();
        }
    }

    /** A few milliseconds of CPU work that cannot be cut short. */
    private static int windDown() {
        byte[] digest = new byte[32];
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 50_000; i++) {
                digest = sha.digest(digest);
            }
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
        return digest[0] | 1;
    }

    @Test
    void aNoticeArrivingWhileTheAdapterClosesIsDroppedWithoutAnErrorOnLettucesThread() {
        Keys keys = new Keys("closing:");
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        dispatcher.shutdownNow();
        RenewalNotices notices = new RenewalNotices(keys, "this-node", dispatcher, new HeldSessions());

        assertThatCode(() -> notices.message(keys.allRenewals(), keys.renewals(A), "another-node"))
                .doesNotThrowAnyException();
    }
}
