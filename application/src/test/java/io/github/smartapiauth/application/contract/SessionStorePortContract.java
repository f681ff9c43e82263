package io.github.smartapiauth.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStorePort} adapter does; each adapter's test subclasses it. Uses
 * only the ports and the domain. Every write is made under a real lease from the lease port the
 * store is paired with ({@link #newLease}), as the core makes it.
 */
public abstract class SessionStorePortContract {

    /** When the contract's sessions were renewed (they expire six hours later); stores with a TTL use a clock near it. */
    public static final Instant T0 = Instant.parse("2026-11-24T03:45:10.123456789Z");
    private static final ClientCode A = ClientCode.of("A1234567");
    private static final ClientCode B = ClientCode.of("B7654321");

    private static final Duration WAIT = Duration.ofSeconds(10);

    protected SessionStorePort store;
    protected SessionLeasePort leases;

    /** A new, empty store. */
    protected abstract SessionStorePort newStore();

    /** The same storage through a new adapter instance, as after a restart (in-memory stores return the same one). */
    protected abstract SessionStorePort reopen(SessionStorePort store);

    /**
     * The lease port {@code store} is paired with, whose fencing tokens it checks (the file lease on
     * the vault's directory, the Redis lease of the same Redis, the in-memory lease).
     */
    protected abstract SessionLeasePort newLease(SessionStorePort store);

    @BeforeEach
    void createStore() {
        store = newStore();
        leases = newLease(store);
    }

    /** Saves under a lease taken for this write and released after it. */
    protected final void save(SessionStorePort into, Session session) {
        try (Lease lease = lease(session.clientCode())) {
            into.save(session, lease);
        }
    }

    private void save(Session session) {
        save(store, session);
    }

    private void delete(ClientCode account) {
        try (Lease lease = lease(account)) {
            store.delete(account, lease);
        }
    }

    private Lease lease(ClientCode account) {
        try {
            return leases.acquire(account, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while taking the lease of " + account, e);
        }
    }

    private static Session session(ClientCode account, int n, boolean withExpiry) {
        Instant renewed = T0.plusSeconds(n).plusNanos(n);
        String suffix = account.value() + "-" + n;
        AccessToken access = withExpiry ? AccessToken.of("access-" + suffix, renewed.plus(Duration.ofHours(8)))
                : AccessToken.withoutExpiry("access-" + suffix);
        return new Session(account, new TokenSet(access, RefreshToken.of("refresh-" + suffix),
                FeedToken.of("feed-" + suffix)), T0, renewed, renewed.plus(Duration.ofHours(6)));
    }

    private static void assertSame(Optional<Session> loaded, Session expected) {
        assertThat(loaded).isPresent();
        Session actual = loaded.get();
        assertThat(actual.clientCode()).isEqualTo(expected.clientCode());
        assertThat(actual.tokens().accessToken().value()).isEqualTo(expected.tokens().accessToken().value());
        assertThat(actual.tokens().accessToken().expiresAt()).isEqualTo(expected.tokens().accessToken().expiresAt());
        assertThat(actual.tokens().refreshToken().value()).isEqualTo(expected.tokens().refreshToken().value());
        assertThat(actual.tokens().feedToken().value()).isEqualTo(expected.tokens().feedToken().value());
        assertThat(actual.openedAt()).isEqualTo(expected.openedAt());
        assertThat(actual.renewedAt()).isEqualTo(expected.renewedAt());
        assertThat(actual.expiresAt()).isEqualTo(expected.expiresAt());
    }

    @Test
    void anAccountWithoutSessionLoadsNothing() {
        assertThat(store.load(A)).isEmpty();
    }

    @Test
    void aSavedSessionLoadsWithEveryValueToTheNanosecond() {
        Session saved = session(A, 7, true);
        save(saved);
        assertSame(store.load(A), saved);
    }

    @Test
    void anAccessTokenWithoutExpiryStaysWithout() {
        Session saved = session(A, 3, false);
        save(saved);
        assertSame(store.load(A), saved);
        assertThat(store.load(A).orElseThrow().tokens().accessToken().expiresAt()).isEmpty();
    }

    @Test
    void aSaveReplacesThePreviousSession() {
        save(session(A, 1, true));
        Session second = session(A, 2, true);
        save(second);
        assertSame(store.load(A), second);
    }

    @Test
    void accountsAreKeptApart() {
        Session a = session(A, 1, true);
        Session b = session(B, 2, false);
        save(a);
        save(b);
        assertSame(store.load(A), a);
        assertSame(store.load(B), b);
        delete(A);
        assertThat(store.load(A)).isEmpty();
        assertSame(store.load(B), b);
    }

    @Test
    void deleteForgetsAndIsANoOpWithoutSession() {
        delete(A);
        save(session(A, 1, true));
        delete(A);
        assertThat(store.load(A)).isEmpty();
        delete(A);
        assertThat(store.load(A)).isEmpty();
    }

    @Test
    void sessionsSurviveARestart() {
        Session saved = session(A, 5, true);
        save(saved);
        assertSame(reopen(store).load(A), saved);
    }

    @Test
    void wipingASavedOrLoadedSessionLeavesTheStoredOneIntact() {
        Session saved = session(A, 4, true);
        save(saved);
        saved.wipe();
        Session loaded = store.load(A).orElseThrow();
        loaded.wipe();
        assertSame(store.load(A), session(A, 4, true));
    }

    @Test
    void describeNamesNoSecret() {
        save(session(A, 9, true));
        assertThat(store.describe()).isNotBlank().doesNotContain("access-", "refresh-", "feed-");
    }

    @Test
    void concurrentSavesOfDifferentAccountsAllSurvive() throws Exception {
        List<ClientCode> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(ClientCode.of("C" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ClientCode account : accounts) {
                done.add(pool.submit(() -> {
                    for (int n = 1; n <= 5; n++) {
                        save(session(account, n, true));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (ClientCode account : accounts) {
            assertSame(store.load(account), session(account, 5, true));
        }
    }

    @Test
    void aWriteUnderALeaseOlderThanTheNewestGrantIsRefusedAndTheNewerOnesSucceed() {
        Lease stale = lease(A);
        stale.close();
        Session newer = session(A, 2, true);
        try (Lease current = lease(A)) {
            assertThat(current.fencingToken()).isGreaterThan(stale.fencingToken());
            store.save(newer, current);

            assertThatThrownBy(() -> store.save(session(A, 1, true), stale))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(A.value())
                    .hasMessageContaining("newer renewer holds the lease")
                    .hasMessageNotContaining("access-").hasMessageNotContaining("refresh-")
                    .hasMessageNotContaining("feed-");
            assertSame(store.load(A), newer);

            assertThatThrownBy(() -> store.delete(A, stale))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(A.value())
                    .hasMessageContaining("newer renewer holds the lease");
            assertSame(store.load(A), newer);

            Session again = session(A, 3, true);
            store.save(again, current);
            assertSame(store.load(A), again);
            store.delete(A, current);
            assertThat(store.load(A)).isEmpty();
        }
    }

    @Test
    void aStaleLeaseOfOneAccountDoesNotFenceAnother() {
        Lease staleOfA = lease(A);
        staleOfA.close();
        try (Lease newerOfA = lease(A)) {
            store.save(session(A, 1, true), newerOfA);
        }
        save(session(B, 1, true));
        assertSame(store.load(B), session(B, 1, true));
    }
}
