package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGIN;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConcurrentRenewalTest {

    private static final int CALLERS = 64;

    private final CoreFixture fixture = new CoreFixture();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final SessionService core = fixture.onCoreThreads(RenewalSettings.defaults(), background).build();

    @AfterEach
    void stopThreads() {
        fixture.broker.open();
        callers.shutdownNow();
        background.shutdownNow();
        core.close();
    }

    @Test
    void aStaleSessionIsRefreshedExactlyOnceWhileEveryCallerKeepsTheValidToken() throws Exception {
        AccessToken valid = sessionThatExpiresInAnHour();
        fixture.clock.advance(Duration.ofMinutes(56));
        fixture.broker.hold();

        List<Outcome> outcomes = everyCallerAsksForAToken();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.token()).isSameAs(valid));
        fixture.broker.open();
        waitUntil(() -> !core.accessToken(ACCOUNT).sameValueAs(valid));
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsRefreshedExactlyOnceAndEveryCallerGetsTheNewToken() throws Exception {
        AccessToken old = sessionThatExpiresInAnHour();
        fixture.clock.advance(Duration.ofMinutes(59).plusSeconds(45));

        List<Outcome> outcomes = everyCallerAsksForATokenWhileTheBrokerIsHeld(() -> fixture.broker.calls(REFRESH) == 1);

        AccessToken renewed = outcomes.get(0).token();
        assertThat(renewed).isNotNull().isNotEqualTo(old);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.token()).isSameAs(renewed));
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void whenTheRefreshIsRejectedExactlyOneLoginFollowsForAllCallers() throws Exception {
        sessionThatExpiresInAnHour();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.broker.failNext(REFRESH, new RefreshRejectedException("Invalid Refresh Token", "AB8050"));

        List<Outcome> outcomes = everyCallerAsksForATokenWhileTheBrokerIsHeld(() -> fixture.broker.calls(REFRESH) == 1);

        AccessToken renewed = outcomes.get(0).token();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.token()).isSameAs(renewed));
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void everyCallerGetsTheSameErrorWhenTheRenewalFails() throws Exception {
        sessionThatExpiresInAnHour();
        fixture.clock.advance(Duration.ofHours(1));
        InvalidCredentialsException refused = new InvalidCredentialsException("Invalid login id or password", "AB1007");
        fixture.broker.failNext(REFRESH, new RefreshRejectedException("Refresh Token Expired", "AB8051"));
        fixture.broker.failNext(LOGIN, refused);

        List<Outcome> outcomes = everyCallerAsksForATokenWhileTheBrokerIsHeld(() -> fixture.broker.calls(REFRESH) == 1);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isSameAs(refused));
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void manyReportsOfOneRejectedTokenLeadToOneRenewal() throws Exception {
        AccessToken rejected = core.accessToken(ACCOUNT);
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<Boolean>> reports = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            reports.add(callers.submit(() -> {
                start.await();
                return core.reportRejected(new RejectedTokenReport(ACCOUNT, rejected));
            }));
        }
        int accepted = 0;
        for (Future<Boolean> report : reports) {
            accepted += report.get() ? 1 : 0;
        }

        List<Outcome> outcomes = everyCallerAsksForAToken();

        assertThat(accepted).isEqualTo(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.token()).isNotEqualTo(rejected));
        assertThat(fixture.broker.upstreamRenewals()).isEqualTo(2);
    }

    @Test
    void twoAccountsRenewInParallelButEachOnlyOnce() throws Exception {
        ClientCode other = ClientCode.of("B7654321");
        SessionService twoAccounts = fixture.builder(RenewalSettings.defaults(), background, ACCOUNT, other).build();
        fixture.broker.hold();

        List<Future<AccessToken>> requests = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            ClientCode account = i % 2 == 0 ? ACCOUNT : other;
            requests.add(callers.submit(() -> twoAccounts.accessToken(account)));
        }
        waitUntil(() -> fixture.broker.calls(LOGIN) == 2);
        fixture.broker.open();

        for (int i = 0; i < CALLERS; i++) {
            ClientCode account = i % 2 == 0 ? ACCOUNT : other;
            assertThat(requests.get(i).get().value()).contains("-" + account.value() + "-");
        }
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
    }

    private AccessToken sessionThatExpiresInAnHour() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
        return core.accessToken(ACCOUNT);
    }

    private List<Outcome> everyCallerAsksForAToken() throws Exception {
        return collect(submitAll(() -> core.accessToken(ACCOUNT)));
    }

    /** Holds the broker until the renewal reached it and every other caller is parked, then lets it answer. */
    private List<Outcome> everyCallerAsksForATokenWhileTheBrokerIsHeld(BooleanSupplier renewalReachedBroker)
            throws Exception {
        fixture.broker.hold();
        List<Future<AccessToken>> futures = submitAll(() -> core.accessToken(ACCOUNT));
        waitUntil(renewalReachedBroker);
        waitUntil(() -> parkedCallers() >= CALLERS - 1);
        fixture.broker.open();
        return collect(futures);
    }

    private List<Future<AccessToken>> submitAll(Callable<AccessToken> call) {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<AccessToken>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(callers.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        return futures;
    }

    private static List<Outcome> collect(List<Future<AccessToken>> futures) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<AccessToken> future : futures) {
            try {
                outcomes.add(new Outcome(future.get(30, TimeUnit.SECONDS), null));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(new Outcome(null, e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a caller never got an answer", e);
            }
        }
        return outcomes;
    }

    private static long parkedCallers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("pool-"))
                .filter(thread -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING)
                .filter(thread -> java.util.Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(AccountSession.class.getName())))
                .count();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not become true");
            }
            Thread.sleep(5);
        }
    }

    private record Outcome(AccessToken token, Throwable error) {
    }
}
