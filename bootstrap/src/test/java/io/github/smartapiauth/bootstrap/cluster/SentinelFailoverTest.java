package io.github.smartapiauth.bootstrap.cluster;

import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.ACCOUNT;
import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.CLIENT;
import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.LIFETIME;
import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.STEP;
import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.adapter.redis.RedisSessions;
import io.github.smartapiauth.adapter.redis.testing.SentinelCluster;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three processes of 50 threads each share one session through Redis Sentinel (one primary, one
 * replica, three sentinels, all real) against the sandbox, and the primary is killed with SIGKILL:
 * outside a renewal, and while one is waiting for the broker's answer. No caller holding a valid
 * token fails; one upstream renewal per expiry across all processes; every process converges on
 * one session within {@link #CONVERGENCE_BOUND} of the promotion. Figures go to
 * {@code target/sentinel-failover.txt}.
 */
class SentinelFailoverTest {

    /** From the replica's promotion to every process handing out the one renewed session. */
    static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private final SandboxClock sandboxClock = SandboxClock.at(T0);
    private final byte[] key = new byte[32];
    private SentinelCluster redis;
    private SmartApiSandbox sandbox;
    private RedisSessions observer;
    private ClusterNodes nodes;
    /** Counted down by the sandbox when a refresh (generateTokens) reaches it. */
    private final CountDownLatch refreshArrived = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        new java.security.SecureRandom().nextBytes(key);
        redis = SentinelCluster.start();
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(sandboxClock).rateLimits(false)
                .tokenLifetime(LIFETIME).workerThreads(8).faultDelay(Duration.ofSeconds(3))
                .requestListener(request -> {
                    if (request.route() == Route.GENERATE_TOKENS) {
                        refreshArrived.countDown();
                    }
                }).build();
        URI base = sandbox.start();
        observer = RedisSessions.builder(redis.uri()).key(key).clock(sandboxClock).build();
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
    void thePrimaryKilledOutsideARenewalCostsNoCallerAndNoExtraRenewal() throws Exception {
        Set<String> first = tokensEverywhere(T0, true);
        assertThat(upstream()).isEqualTo(1);
        redis.awaitReplicated();

        long killedAt = System.nanoTime();
        redis.killPrimary();
        // A fresh token is served from memory: Redis is not needed.
        assertThat(tokensEverywhere(T0.plus(Duration.ofMinutes(10)), true)).isEqualTo(first);
        Duration promotion = redis.awaitPromotion(Duration.ofSeconds(30));
        long promotedAt = System.nanoTime();

        // The session turns stale: one refresh ahead for all, once every process has found the new primary.
        Session stored = observer.store().load(CLIENT).orElseThrow();
        Instant at = RedisClusterTest.alignedToStep(stored.expiresAt().minus(Duration.ofMinutes(4)).minusSeconds(50));
        Converged converged = converge(at, first, promotedAt);

        assertThat(upstream()).as("one renewal for the expiry, across all processes").isEqualTo(2);
        assertThat(converged.tokens()).hasSize(1).isNotEqualTo(first);
        Session after = observer.store().load(CLIENT).orElseThrow();
        assertThat(Set.of(ClusterNode.hash(after.tokens().accessToken().value()))).isEqualTo(converged.tokens());
        record("outside a renewal", killedAt, promotion, converged);
    }

    @Test
    void thePrimaryKilledDuringARenewalCostsNoCallerAndTheRenewedSessionReachesEveryProcess() throws Exception {
        Set<String> first = tokensEverywhere(T0, true);
        Session stored = observer.store().load(CLIENT).orElseThrow();
        redis.awaitReplicated();
        Instant at = RedisClusterTest.alignedToStep(stored.expiresAt().minus(Duration.ofMinutes(4)).minusSeconds(50));

        // The refresh ahead reaches the broker, whose answer takes 3 s: the primary dies meanwhile.
        sandbox.faults().next(Route.GENERATE_TOKENS, Fault.DELAY);
        assertThat(tokensEverywhere(at, true)).as("stale but valid, served while the refresh runs").isEqualTo(first);
        assertThat(refreshArrived.await(20, TimeUnit.SECONDS)).as("the refresh reached the sandbox").isTrue();
        long killedAt = System.nanoTime();
        redis.killPrimary();
        assertThat(tokensEverywhere(at, false)).as("still served during the failover").contains(first.iterator().next());
        Duration promotion = redis.awaitPromotion(Duration.ofSeconds(30));
        long promotedAt = System.nanoTime();

        Converged converged = converge(at, first, promotedAt);

        assertThat(upstream()).as("the one refresh, not repeated after the failover").isEqualTo(2);
        assertThat(converged.tokens()).hasSize(1).isNotEqualTo(first);
        Session after = observer.store().load(CLIENT).orElseThrow();
        assertThat(Set.of(ClusterNode.hash(after.tokens().accessToken().value()))).isEqualTo(converged.tokens());
        record("during a renewal", killedAt, promotion, converged);
    }

    /** Rounds of 150 callers at {@code at} (then a step later each time), until every process hands out one new token. */
    private Converged converge(Instant at, Set<String> old, long promotedAt) throws Exception {
        int rounds = 0;
        int callers = 0;
        Instant now = at;
        Set<String> seen = old;
        while (seen.equals(old) || seen.size() != 1) {
            assertThat(Duration.ofNanos(System.nanoTime() - promotedAt)).as("converged within the bound; saw %s", seen)
                    .isLessThan(CONVERGENCE_BOUND);
            if (rounds > 0) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            if (rounds > 0 && rounds % 25 == 0) {
                // A refresh ahead that failed (no primary yet) is retried a step later, as the clock moves.
                now = now.plus(STEP);
            }
            seen = tokensEverywhere(now, false);
            rounds++;
            callers += 150;
        }
        return new Converged(seen, Duration.ofNanos(System.nanoTime() - promotedAt), rounds, callers);
    }

    private record Converged(Set<String> tokens, Duration afterPromotion, int rounds, int callers) {
    }

    private void record(String when, long killedAt, Duration promotion, Converged converged) throws Exception {
        int storeFailed = 0;
        int restored = 0;
        for (ClusterNodes.Answer answer : nodes.events()) {
            String[] counts = answer.words();
            storeFailed += Integer.parseInt(counts[1]);
            restored += Integer.parseInt(counts[3]);
        }
        String line = String.format("primary killed %s: promotion %d ms after the kill; every process on the one"
                        + " renewed session %d ms after the promotion (%d rounds, %d callers, 0 failed); upstream"
                        + " logins %d, refreshes %d; StoreFailed events %d, Restored %d; kill to convergence %d ms%n",
                when, promotion.toMillis(), converged.afterPromotion().toMillis(), converged.rounds(), converged.callers(),
                sandbox.calls(Route.LOGIN), sandbox.calls(Route.GENERATE_TOKENS), storeFailed, restored,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        System.out.print(line);
        Path figures = Path.of("target", "sentinel-failover.txt");
        Files.writeString(figures, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private long upstream() {
        return sandbox.calls(Route.LOGIN) + sandbox.calls(Route.GENERATE_TOKENS);
    }

    /**
     * Sets every clock to {@code at}, has 50 threads in each process ask at once; every caller must get
     * a token (they all hold a valid one); with {@code oneToken} every process must hand out the same one.
     */
    private Set<String> tokensEverywhere(Instant at, boolean oneToken) throws Exception {
        sandboxClock.set(at);
        Set<String> all = new HashSet<>();
        for (ClusterNodes.Answer tokens : nodes.tokens(at)) {
            String[] answer = tokens.words();
            assertThat(answer[0]).isEqualTo("tokens");
            assertThat(Integer.parseInt(answer[1])).as("failed callers in node %d (see its stderr)", tokens.node())
                    .isZero();
            all.addAll(List.of(answer[2].split(",")));
        }
        if (oneToken) {
            assertThat(all).as("the same token in every process").hasSize(1);
        }
        return all;
    }
}
