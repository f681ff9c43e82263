package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGIN;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGOUT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interleavings found in review, each pinned down so it cannot come back. */
@Timeout(30)
class RenewalRacesTest {

    private static final AccountCommand COMMAND = AccountCommand.of(ACCOUNT);

    private final CoreFixture fixture = new CoreFixture();

    @Test
    void aRefreshAheadQueuedBeforeALogoutIsCancelledAndDoesNotBringTheSessionBack() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        SessionService core = fixture.builder(RenewalSettings.defaults(), queued::add).build();
        core.open(COMMAND);
        fixture.clock.advance(Duration.ofMinutes(56));
        core.accessToken(ACCOUNT);
        assertThat(queued).hasSize(1);
        assertThat(core.logOut(COMMAND).serverConfirmed()).isTrue();
        queued.get(0).run();

        assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("was logged out");
        assertThat(fixture.broker.calls(REFRESH)).isZero();
        assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
    }

    @Test
    void aCallerThatSawAnExpiredSessionBeforeALogoutDoesNotLogInAfterIt() {
        SessionService[] core = new SessionService[1];
        boolean[] armed = {false};
        Clock logsOutOnce = new Clock() {
            @Override
            public Instant instant() {
                if (armed[0]) {
                    armed[0] = false;
                    core[0].logOut(COMMAND);
                }
                return fixture.clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        core[0] = fixture.builder(RenewalSettings.defaults(), Runnable::run).clock(logsOutOnce).build();
        core[0].open(COMMAND);
        fixture.clock.advance(Duration.ofHours(15));
        armed[0] = true;

        assertThatThrownBy(() -> core[0].accessToken(ACCOUNT)).isInstanceOf(SessionExpiredException.class);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
        assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
    }

    @Test
    void aRejectedTokenReportKeepsABlockOnAutomaticLogins() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
        SessionService core = fixture.core();
        core.open(COMMAND);
        AccessToken token = core.accessToken(ACCOUNT);
        fixture.broker.failNext(REFRESH, new RefreshRejectedException("Invalid Refresh Token", "AB8050"));
        fixture.broker.failNext(LOGIN, new InvalidCredentialsException("Invalid login id or password", "AB1007"));
        assertThatThrownBy(() -> core.refresh(COMMAND)).isInstanceOf(InvalidCredentialsException.class);

        core.reportRejected(new RejectedTokenReport(ACCOUNT, token));

        assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(InvalidCredentialsException.class);
        assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
        assertThat(core.status(ACCOUNT).blockedBy()).isPresent();
    }

    @Test
    void anExecutorThatCannotStartTheRefreshLeavesNoRenewalHanging() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
        SessionService core = fixture.builder(RenewalSettings.defaults(), task -> {
            throw new OutOfMemoryError("unable to create native thread");
        }).build();
        AccessToken first = core.accessToken(ACCOUNT);
        fixture.clock.advance(Duration.ofMinutes(56));

        assertThat(core.accessToken(ACCOUNT)).as("the stale caller keeps its valid token").isSameAs(first);
        fixture.clock.advance(Duration.ofMinutes(4));
        assertThat(core.accessToken(ACCOUNT)).as("the expired caller renews instead of waiting forever")
                .isNotEqualTo(first);
    }

    @Test
    void aSessionSavedByAProcessWhoseClockRunsAheadCanBeRefreshed() {
        fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
        SessionService core = fixture.core();
        Instant theirNow = fixture.clock.instant().plusSeconds(5);
        // The other process logs in with the code of its own clock (the broker accepts a step of drift).
        TokenSet theirs = fixture.broker.login(CoreFixture.credentials(ACCOUNT), new StepCodes().codeAt(ACCOUNT, theirNow));
        fixture.store.putFromElsewhere(new Session(ACCOUNT, theirs, theirNow, theirNow, theirNow.plus(Duration.ofHours(1))), fixture.lease);
        assertThat(core.accessToken(ACCOUNT)).isEqualTo(theirs.accessToken());

        Session refreshed = core.refresh(COMMAND);

        assertThat(refreshed.renewedAt()).isEqualTo(theirNow);
        assertThat(refreshed.tokens().accessToken()).isNotEqualTo(theirs.accessToken());
    }

    @Test
    void aLogoutWithAnUnreadableStoreStillLogsOutAtTheBrokerAndLeavesTheStoreAlone() {
        SessionService core = fixture.core();
        core.open(COMMAND);
        fixture.store.makeUnreadable(true);

        LogoutResult result = core.logOut(COMMAND);

        assertThat(result.serverConfirmed()).isTrue();
        assertThat(result.storeError()).containsInstanceOf(SessionStoreException.class);
        assertThat(result.describe()).contains("could not be read and was left untouched");
        assertThat(fixture.broker.calls(LOGOUT)).isEqualTo(1);
        assertThat(fixture.store.peek(ACCOUNT)).as("the unreadable store was not touched").isPresent();
    }
}
