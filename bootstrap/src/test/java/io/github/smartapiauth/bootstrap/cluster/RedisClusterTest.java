package io.github.smartapiauth.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.adapter.redis.RedisSessions;
import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three processes of 50 threads each share one session through one Redis, against the sandbox:
 * one login for all; when the session expires, one renewal upstream for all, and every caller gets
 * the new token; Redis restarts empty in the middle: no caller fails while its token is valid,
 * and the cluster converges on one session afterwards. Clocks (sandbox and processes) are set by
 * the test.
 */
class RedisClusterTest {

    static final SandboxAccount ACCOUNT = SandboxAccount.of("cluster-test-key-77", "R1234567", "2468",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");
    static final ClientCode CLIENT = ClientCode.of(ACCOUNT.clientCode());
    /** 5 s into a TOTP step, so a login never waits for the next step on a clock that stands still. */
    static final Instant T0 = Instant.parse("2026-11-24T04:00:05Z");
    static final Duration LIFETIME = Duration.ofHours(2);
    static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final SandboxClock sandboxClock = SandboxClock.at(T0);
    private final byte[] key = new byte[32];
    private RedisServer redis;
    private SmartApiSandbox sandbox;
    private RedisSessions observer;
    private ClusterNodes nodes;
    /** One permit per renewal notice the observer gets from Redis (a node saved a renewed session). */
    private final Semaphore renewalNotices = new Semaphore(0);

    @BeforeEach
    void start() throws Exception {
        new java.security.SecureRandom().nextBytes(key);
        redis = RedisServer.start();
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(sandboxClock).rateLimits(false)
                .tokenLifetime(LIFETIME).workerThreads(8).build();
        URI base = sandbox.start();
        observer = RedisSessions.builder(redis.uri()).key(key).clock(sandboxClock).build();
        observer.onRenewal(account -> renewalNotices.release());
        nodes = ClusterNodes.start(3, base, redis.uri(), key, dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        observer.close();
        sandbox.close();
        redis.close();
    }

    @Test
    void threeProcessesShareOneSessionThroughExpiryAndARedisRestart() throws Exception {
        // One login for 150 callers.
        Set<String> first = tokensEverywhere(T0, 0);
        assertThat(upstream()).isEqualTo(1);
        assertThat(sandbox.calls(Route.LOGIN)).isEqualTo(1);

        // The session expires (within the expiry margin, while its refresh token is still good): one
        // renewal upstream for all, and everyone gets the new token.
        Set<String> second = tokensEverywhere(T0.plus(LIFETIME).minusSeconds(20), 0);
        assertThat(second).isNotEqualTo(first);
        assertThat(upstream()).as("logins and refreshes in total (logins %d)", sandbox.calls(Route.LOGIN)).isEqualTo(2);
        Session stored = observer.store().load(CLIENT).orElseThrow();
        assertThat(Set.of(ClusterNode.hash(stored.tokens().accessToken().value()))).isEqualTo(second);

        // Redis goes away while the session is stale but valid: nobody fails, nobody renews.
        int clients = redis.connectedClients();
        redis.stop();
        Instant stale = alignedToStep(stored.expiresAt().minus(Duration.ofMinutes(4)).minusSeconds(50));
        assertThat(tokensEverywhere(stale, 0)).isEqualTo(second);
        assertThat(tokensEverywhere(stale.plus(STEP), 0)).isEqualTo(second);
        assertThat(upstream()).isEqualTo(2);

        // Redis comes back empty: the next refresh ahead is done once, and everyone converges on it.
        redis.restart();
        // Every client (the nodes' and the observer's connections) reconnects, as the server reports.
        redis.awaitAcceptedConnections(clients, Duration.ofSeconds(60));
        renewalNotices.drainPermits();
        Instant at = stale.plus(STEP);
        Set<String> third = second;
        for (int round = 0; round < 5 && (third.equals(second) || third.size() != 1); round++) {
            at = at.plus(STEP);
            assertThat(at).isBefore(stored.expiresAt().minusSeconds(30));
            tokensEverywhere(at, -1);
            // The refresh ahead runs behind the callers; its notice says it is saved. A round whose
            // refresh failed sends none, and the next round tries again.
            renewalNotices.tryAcquire(10, TimeUnit.SECONDS);
            third = tokensEverywhere(at, -1);
        }
        assertThat(third).hasSize(1).isNotEqualTo(second);
        assertThat(upstream()).as("one renewal after the restart").isEqualTo(3);
        Session converged = observer.store().load(CLIENT).orElseThrow();
        assertThat(Set.of(ClusterNode.hash(converged.tokens().accessToken().value()))).isEqualTo(third);
        int storeFailures = 0;
        for (ClusterNodes.Answer counts : nodes.events()) {
            storeFailures += Integer.parseInt(counts.words()[1]);
        }
        assertThat(storeFailures).as("the outage was reported through events").isPositive();
    }

    private long upstream() {
        return sandbox.calls(Route.LOGIN) + sandbox.calls(Route.GENERATE_TOKENS);
    }

    static Instant alignedToStep(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, 30) + 30 + 5);
    }

    /**
     * Sets every clock to {@code at}, has 50 threads in each process ask at once, and returns the
     * token hashes seen; with {@code expectedFailures} 0 every caller must have got a token and each
     * process one single token, all the same.
     */
    private Set<String> tokensEverywhere(Instant at, int expectedFailures) throws Exception {
        sandboxClock.set(at);
        Set<String> all = new HashSet<>();
        for (ClusterNodes.Answer tokens : nodes.tokens(at)) {
            String[] answer = tokens.words();
            assertThat(answer[0]).isEqualTo("tokens");
            if (expectedFailures >= 0) {
                assertThat(Integer.parseInt(answer[1])).as("failed callers in node %d (see its stderr)", tokens.node())
                        .isEqualTo(expectedFailures);
                assertThat(answer).as("one token in node %d", tokens.node()).hasSize(3);
                assertThat(answer[2]).doesNotContain(",");
            } else {
                assertThat(Integer.parseInt(answer[1])).as("failed callers in node %d", tokens.node()).isZero();
            }
            all.addAll(List.of(answer[2].split(",")));
        }
        if (expectedFailures == 0) {
            assertThat(all).as("the same token in every process").hasSize(1);
        }
        return all;
    }
}
