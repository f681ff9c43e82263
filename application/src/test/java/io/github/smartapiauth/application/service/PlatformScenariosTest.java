package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGIN;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.PROFILE;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ClockSkewException;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.RenewalTimeoutException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.health.RenewalKind;
import io.github.smartapiauth.domain.health.Outcome;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What platforms do around the core in their first week, each of which once hung, deadlocked or
 * lied: listeners that call back, executors that never run a task, interrupted callers, a login
 * while a refresh runs, a logout during a renewal, a clock that runs ahead.
 */
@Timeout(30)
class PlatformScenariosTest {

    private static final AccountCommand COMMAND = AccountCommand.of(ACCOUNT);
    private static final RenewalSettings DEFAULTS = RenewalSettings.defaults();

    private final CoreFixture fixture = new CoreFixture();
    private final List<SessionService> cores = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        fixture.broker.open();
        cores.forEach(SessionService::close);
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private SessionService started(SessionService.Builder builder) {
        SessionService core = builder.build();
        cores.add(core);
        return core;
    }

    private void sessionsLastAnHour() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
    }

    // Scenario 1: listeners that call back into the library.

    @Test
    void aListenerThatCallsBackIntoTheLibraryOnEveryEventGetsItsAnswersInOrder() throws Exception {
        sessionsLastAnHour();
        SessionService[] core = new SessionService[1];
        List<String> heard = new CopyOnWriteArrayList<>();
        java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
        SessionEventsPort reconnectingFeed = event -> {
            String name = event.getClass().getSimpleName();
            if (event instanceof SessionEvent.Opened || event instanceof SessionEvent.Refreshed) {
                heard.add(name + " token=" + core[0].accessToken(ACCOUNT).value()
                        + " feed=" + core[0].validSession(ACCOUNT).tokens().feedToken().value()
                        + " profile=" + core[0].profile(COMMAND).clientCode());
            } else if (event instanceof SessionEvent.Expired) {
                heard.add(name + " status=" + core[0].status(ACCOUNT).session().orElseThrow().state());
            } else if (event instanceof SessionEvent.RenewalFailed) {
                heard.add(name + " token=" + core[0].accessToken(ACCOUNT).value()
                        + " logout=" + core[0].logOut(COMMAND).serverConfirmed());
            } else {
                heard.add(name);
            }
            delivered.release();
        };
        core[0] = started(fixture.onCoreThreads(DEFAULTS, Runnable::run).events(reconnectingFeed));

        AccessToken first = core[0].accessToken(ACCOUNT);
        assertThat(delivered.tryAcquire(1, 10, TimeUnit.SECONDS)).as("Opened reached the listener").isTrue();
        fixture.clock.advance(Duration.ofMinutes(60));
        AccessToken second = core[0].accessToken(ACCOUNT);
        assertThat(delivered.tryAcquire(2, 10, TimeUnit.SECONDS)).as("Expired, Refreshed reached it").isTrue();
        fixture.broker.failNext(REFRESH, new RefreshRejectedException("Invalid Refresh Token", "AB8050"));
        fixture.broker.failNext(LOGIN, new InvalidCredentialsException("Invalid login id or password", "AB1007"));
        assertThatThrownBy(() -> core[0].refresh(COMMAND)).isInstanceOf(InvalidCredentialsException.class);
        assertThat(delivered.tryAcquire(2, 10, TimeUnit.SECONDS)).as("RenewalFailed, LoggedOut reached it").isTrue();

        assertThat(heard).containsExactly(
                "Opened token=" + first.value() + " feed=feed-A1234567-1 profile=A1234567",
                "Expired status=FRESH",
                "Refreshed token=" + second.value() + " feed=feed-A1234567-2 profile=A1234567",
                "RenewalFailed token=" + second.value() + " logout=true",
                "LoggedOut");
    }

    @Test
    @Timeout(10)
    void aSlowListenerAndAThrowingListenerNeitherDelayNorBreakARenewal() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<SessionEvent> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch twoDelivered = new CountDownLatch(2);
        SessionEventsPort slowThenThrowing = event -> {
            delivered.add(event);
            twoDelivered.countDown();
            if (event instanceof SessionEvent.Opened) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("a listener bug");
        };
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, Runnable::run).events(slowThenThrowing));

        AccessToken token = core.accessToken(ACCOUNT);
        assertThat(core.accessToken(ACCOUNT)).as("served while the listener still holds the Opened event")
                .isSameAs(token);
        core.logOut(COMMAND);
        assertThat(release.getCount()).as("the listener was still busy").isEqualTo(1);
        release.countDown();

        assertThat(twoDelivered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Opened", "LoggedOut");
    }

    // Scenario 2: an executor that accepts the refresh ahead and never runs it.

    @Test
    void anExecutorThatAcceptsTheRefreshAheadAndNeverRunsItDelaysNoCaller() {
        sessionsLastAnHour();
        List<Runnable> discarded = new CopyOnWriteArrayList<>();
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, discarded::add));
        AccessToken first = core.accessToken(ACCOUNT);
        fixture.clock.advance(Duration.ofMinutes(56));
        assertThat(core.accessToken(ACCOUNT)).as("a stale caller keeps its valid token").isSameAs(first);
        assertThat(discarded).as("the refresh ahead was handed over and never run").hasSize(1);

        fixture.clock.advance(Duration.ofMinutes(4));
        AccessToken renewed = core.accessToken(ACCOUNT);

        assertThat(renewed).isNotEqualTo(first);
        assertThat(fixture.broker.upstreamRenewals()).isEqualTo(2);
        discarded.get(0).run();
        assertThat(fixture.broker.upstreamRenewals()).as("the late task finds its renewal done").isEqualTo(2);
    }

    @Test
    void aRefreshAheadItsExecutorNeverRanIsGivenUpAtItsDeadlineAndTriedAgain() {
        sessionsLastAnHour();
        AtomicInteger handedOver = new AtomicInteger();
        Executor dropsTheFirstTask = task -> {
            if (handedOver.incrementAndGet() > 1) {
                task.run();
            }
        };
        SessionService core = started(fixture.builder(DEFAULTS.withRenewalDeadline(Duration.ofNanos(1)),
                dropsTheFirstTask));
        AccessToken first = core.accessToken(ACCOUNT);
        fixture.clock.advance(Duration.ofMinutes(56));
        core.accessToken(ACCOUNT);
        assertThat(fixture.broker.calls(REFRESH)).isZero();

        core.accessToken(ACCOUNT);

        assertThat(handedOver).hasValue(2);
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(core.accessToken(ACCOUNT)).isNotEqualTo(first);
    }

    @Test
    void aRenewalThatOutlivesItsDeadlineFailsItsWaitersWithATransientErrorAndTheNextCallerStartsANewOne()
            throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        SessionService core = started(fixture.onCoreThreads(DEFAULTS.withRenewalDeadline(Duration.ofMillis(200)),
                Runnable::run).events(event -> {
                    if (!(event instanceof SessionEvent.RenewalFailed)) {
                        opened.countDown();
                    }
                }));
        fixture.broker.hold();

        RenewalTimeoutException first = catchTimeout(() -> core.accessToken(ACCOUNT));
        RenewalTimeoutException second = catchTimeout(() -> core.accessToken(ACCOUNT));

        assertThat(first.isTransient()).isTrue();
        assertThat(first.getMessage()).contains("did not finish within its deadline", "next request starts a new one");
        assertThat(second).as("the second caller waited for a renewal of its own").isNotSameAs(first);
        fixture.broker.open();
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(core.accessToken(ACCOUNT)).isNotNull();
        assertThat(fixture.broker.calls(LOGIN)).as("the second renewal took up the first one's session").isEqualTo(1);
    }

    @Test
    void aRenewalThatOutlivedItsDeadlineAndTheOneThatReplacedItAreEachMeasured() throws Exception {
        Queue<String> renewals = new ConcurrentLinkedQueue<>();
        CountDownLatch bothMeasured = new CountDownLatch(2);
        MetricsPort metrics = new MetricsPort() {
            @Override
            public void renewal(ClientCode account, Optional<RenewalKind> lastStep, Outcome outcome, Duration took) {
                renewals.add(outcome.name());
                bothMeasured.countDown();
            }
        };
        SessionService core = started(fixture.onCoreThreads(DEFAULTS.withRenewalDeadline(Duration.ofMillis(200)),
                Runnable::run).metrics(metrics));
        fixture.broker.hold();
        catchTimeout(() -> core.accessToken(ACCOUNT));
        catchTimeout(() -> core.accessToken(ACCOUNT)); // the second renewal begins while the first still runs

        fixture.broker.open();

        assertThat(bothMeasured.await(10, TimeUnit.SECONDS)).as("each renewal measured; heard %s", renewals).isTrue();
        assertThat(renewals).containsOnly("SUCCESS");
    }

    private static RenewalTimeoutException catchTimeout(Runnable call) {
        try {
            call.run();
        } catch (RenewalTimeoutException expected) {
            return expected;
        }
        throw new AssertionError("the renewal did not time out");
    }

    // Scenario 3: interrupted callers.

    @Test
    void aCallerInterruptedWhileTheProfileBacksOffIsNotTakenForARejectedToken() {
        SessionService core = started(fixture.builder(DEFAULTS, Runnable::run).sleeper(duration -> {
            throw new InterruptedException("the platform is shutting this thread down");
        }));
        core.open(COMMAND);
        fixture.broker.failNext(PROFILE, new BrokerUnavailableException("connection reset"));
        List<SessionEvent> before = fixture.events.all();

        try {
            assertThatThrownBy(() -> core.profile(COMMAND)).isInstanceOf(InterruptedWaitException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag is set again").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(fixture.events.all()).as("no Expired(REJECTED_BY_BROKER), no renewal").isEqualTo(before);
        assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
    }

    @Test
    void anInterruptedFirstCallerGivesUpAloneWhileTheRenewalAndTheOtherWaitersGoOn() throws Exception {
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, Runnable::run));
        fixture.broker.hold();
        CompletableFuture<Object> firstOutcome = new CompletableFuture<>();
        CompletableFuture<Object> secondOutcome = new CompletableFuture<>();
        Thread first = caller("first", () -> core.accessToken(ACCOUNT), firstOutcome);
        fixture.broker.awaitHeldCalls(1);
        Thread second = caller("second", () -> core.accessToken(ACCOUNT), secondOutcome);
        awaitParkedInARenewalWait(second);

        first.interrupt();

        Object failure = firstOutcome.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(InterruptedWaitException.class);
        assertThat(secondOutcome).as("the other waiter still waits").isNotDone();
        fixture.broker.open();
        assertThat(secondOutcome.get(10, TimeUnit.SECONDS)).isInstanceOf(AccessToken.class);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
    }

    // Scenario 7: open() means log in now; a renewal discarded by a logout does not report success.

    @Test
    void openWhileARefreshIsInFlightWaitsForItAndThenLogsIn() throws Exception {
        sessionsLastAnHour();
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, null));
        core.accessToken(ACCOUNT);
        fixture.clock.advance(Duration.ofMinutes(56));
        fixture.broker.hold();
        core.accessToken(ACCOUNT);
        fixture.broker.awaitHeldCalls(1);
        CompletableFuture<Object> opened = new CompletableFuture<>();
        Thread opener = caller("opener", () -> core.open(COMMAND), opened);
        awaitParkedInARenewalWait(opener);
        assertThat(fixture.broker.calls(LOGIN)).as("no login while the refresh runs").isEqualTo(1);

        fixture.broker.open();

        Session session = (Session) opened.get(10, TimeUnit.SECONDS);
        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(fixture.broker.calls(LOGIN)).as("open() logged in after the refresh").isEqualTo(2);
        assertThat(session.openedAt()).isEqualTo(session.renewedAt());
        assertThat(core.accessToken(ACCOUNT)).isEqualTo(session.tokens().accessToken());
    }

    @Test
    void aRenewalDiscardedBecauseOfALogoutTellsItsCallerLoggedOutNotSuccess() throws Exception {
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, null));
        fixture.broker.hold();
        CompletableFuture<Object> asked = new CompletableFuture<>();
        caller("asker", () -> core.accessToken(ACCOUNT), asked);
        fixture.broker.awaitHeldCalls(1);
        CompletableFuture<Object> loggedOut = new CompletableFuture<>();
        Thread logout = caller("logout", () -> core.logOut(COMMAND), loggedOut);
        awaitParkedInARenewalWait(logout);

        fixture.broker.open();

        assertThat(asked.get(10, TimeUnit.SECONDS)).isInstanceOf(SessionExpiredException.class)
                .extracting(error -> ((Throwable) error).getMessage()).asString().contains("was logged out");
        assertThat(loggedOut.get(10, TimeUnit.SECONDS)).isNotInstanceOf(Throwable.class);
        assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
    }

    @Test
    void aLoginThatALogoutOvertakesEndsLoggedOutAndLeavesNoDeadTokenInMemory() throws Exception {
        SessionService core = started(fixture.onCoreThreads(DEFAULTS, null));
        fixture.broker.hold();
        CompletableFuture<Object> opened = new CompletableFuture<>();
        caller("opener", () -> core.open(COMMAND), opened);
        fixture.broker.awaitHeldCalls(1);
        CompletableFuture<Object> loggedOut = new CompletableFuture<>();
        Thread logout = caller("logout", () -> core.logOut(COMMAND), loggedOut);
        awaitParkedInARenewalWait(logout);

        fixture.broker.open();

        assertThat(opened.get(10, TimeUnit.SECONDS)).isInstanceOf(SessionExpiredException.class);
        assertThat(loggedOut.get(10, TimeUnit.SECONDS)).isNotInstanceOf(Throwable.class);
        assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("was logged out");
        assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
    }

    // Scenario 8: a refresh answer already expired by the local clock.

    @Test
    void aRefreshAnswerAlreadyExpiredByTheLocalClockIsReportedOnceAsAClockProblemWithoutALogin() {
        sessionsLastAnHour();
        SessionService core = fixture.core();
        core.accessToken(ACCOUNT);
        fixture.clock.advance(Duration.ofMinutes(60));
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.minus(Duration.ofMinutes(2))));

        assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(ClockSkewException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(ClockSkewException.class);

        assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        assertThat(fixture.broker.calls(LOGIN)).as("no login was burnt on a clock problem").isEqualTo(1);
        assertThat(fixture.events.of(SessionEvent.RenewalFailed.class)).hasSize(1);
        assertThat(core.status(ACCOUNT).blockedBy()).hasValueSatisfying(why -> assertThat(why).contains("clock"));
    }

    private Thread caller(String name, java.util.function.Supplier<Object> call, CompletableFuture<Object> outcome) {
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(call.get());
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        }, "caller-" + name);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Blocks until {@code thread} parks inside a wait for a renewal (a RenewalFlight frame on its stack). */
    private static void awaitParkedInARenewalWait(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(isParked(thread) && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(RenewalFlight.class.getName())))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " never parked in a renewal wait: " + thread.getState());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
