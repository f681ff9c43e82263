package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.CoreFixture.MARKET_OPEN;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGIN;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.LOGOUT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.PROFILE;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RateLimitedException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionState;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.totp.TotpClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private static final Instant MIDNIGHT_IST = Instant.parse("2026-11-24T18:30:00Z");

    private final CoreFixture fixture = new CoreFixture();
    private final SessionService core = fixture.core();

    @Nested
    class TheFirstTokenRequest {

        @Test
        void logsInWithAFreshTotpCodeAndSavesTheSession() {
            AccessToken token = core.accessToken(ACCOUNT);

            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
            assertThat(fixture.store.peek(ACCOUNT)).map(s -> s.tokens().accessToken()).contains(token);
            assertThat(fixture.events.of(SessionEvent.Opened.class)).singleElement()
                    .satisfies(opened -> assertThat(opened.expiresAt()).isEqualTo(MIDNIGHT_IST));
        }

        @Test
        void takesUpAStoredSessionInsteadOfLoggingIn() {
            Session saved = fixture.builder(RenewalSettings.defaults(), Runnable::run).build().validSession(ACCOUNT);
            SessionService restarted = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();

            assertThat(restarted.accessToken(ACCOUNT)).isEqualTo(saved.tokens().accessToken());
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
            assertThat(fixture.events.of(SessionEvent.Restored.class)).hasSize(1);
        }

        @Test
        void takesUpAFreshStoredSessionWithoutTakingTheLeaseOrWritingAnything() {
            Session saved = fixture.builder(RenewalSettings.defaults(), Runnable::run).build().validSession(ACCOUNT);
            long grantsBefore = fixture.lease.grants();
            int savesBefore = fixture.store.saves();
            SessionService restarted = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();

            assertThat(restarted.accessToken(ACCOUNT)).isEqualTo(saved.tokens().accessToken());
            assertThat(fixture.lease.grants()).as("a FRESH stored session needs no lease").isEqualTo(grantsBefore);
            assertThat(fixture.store.saves()).isEqualTo(savesBefore);
        }

        @Test
        void servesTheSameTokenWithoutCallingTheBrokerWhileFresh() {
            AccessToken first = core.accessToken(ACCOUNT);
            fixture.clock.advance(Duration.ofHours(8));

            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
        }

        @Test
        void waitsForTheNextTotpStepWhenTheCurrentOneEndsWithinTwoSeconds() {
            Instant lateInStep = Instant.parse("2026-11-24T03:45:28.500Z");
            fixture.clock.set(lateInStep);
            long currentStep = TotpClock.smartApi().stepAt(lateInStep);

            core.accessToken(ACCOUNT);

            assertThat(fixture.codes.stepsAsked()).containsExactly(currentStep + 1);
            assertThat(fixture.clock.instant()).isEqualTo(Instant.parse("2026-11-24T03:45:30Z"));
        }

        @Test
        void anUnknownAccountIsAConfigurationErrorNamingTheConfiguredOnes() {
            assertThatThrownBy(() -> core.accessToken(ClientCode.of("B999")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("no account B999 is configured; configured accounts: [A1234567]. Add it (addAccount)"
                            + " or put its credentials in the configuration.");
        }
    }

    @Nested
    class AStaleSession {

        @Test
        void isRefreshedAheadOfTimeWhileTheValidTokenIsServed() {
            fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(2))));
            AccessToken first = core.accessToken(ACCOUNT);
            fixture.clock.advance(Duration.ofHours(2).minus(Duration.ofMinutes(4)));

            AccessToken served = core.accessToken(ACCOUNT);

            assertThat(served).isSameAs(first);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
            assertThat(core.accessToken(ACCOUNT)).isNotEqualTo(first);
            assertThat(fixture.events.of(SessionEvent.Refreshed.class)).hasSize(1);
        }

        @Test
        void isNotRefreshedWhenOnlyTheDailyCutoffBoundsIt() {
            core.accessToken(ACCOUNT);
            fixture.clock.set(MIDNIGHT_IST.minus(Duration.ofMinutes(4)));

            core.accessToken(ACCOUNT);

            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
        }

        @Test
        void keepsServingTheTokenWhenTheRefreshAheadFailsAndWaitsBeforeTryingAgain() {
            fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(2))));
            AccessToken first = core.accessToken(ACCOUNT);
            fixture.clock.advance(Duration.ofMinutes(117));
            fixture.broker.failNext(REFRESH, unavailable(), unavailable(), unavailable());

            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(3);
            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(3);

            fixture.clock.advance(Duration.ofSeconds(31));
            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(core.accessToken(ACCOUNT)).isNotEqualTo(first);
        }
    }

    @Nested
    class AnExplicitRefresh {

        @Test
        void inAFreshProcessRefreshesTheStoredSessionInsteadOfJustTakingItUp() {
            AccessToken stored = core.accessToken(ACCOUNT);
            SessionService freshProcess = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();

            Session refreshed = freshProcess.refresh(AccountCommand.of(ACCOUNT));

            assertThat(refreshed.tokens().accessToken()).isNotEqualTo(stored);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
            assertThat(fixture.store.peek(ACCOUNT)).map(s -> s.tokens().accessToken()).contains(refreshed.tokens().accessToken());
        }

        @Test
        void takesUpASessionAnotherProcessRefreshedMeanwhile() {
            core.accessToken(ACCOUNT);
            SessionService otherProcess = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();
            Session theirs = otherProcess.refresh(AccountCommand.of(ACCOUNT));

            assertThat(core.refresh(AccountCommand.of(ACCOUNT)).tokens().accessToken())
                    .isEqualTo(theirs.tokens().accessToken());
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        }
    }

    @Nested
    class AnExpiredSession {

        @Test
        void isRefreshedBeforeAnyTokenIsHandedOut() {
            fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
            AccessToken first = core.accessToken(ACCOUNT);
            fixture.clock.advance(Duration.ofMinutes(59).plusSeconds(30));

            AccessToken renewed = core.accessToken(ACCOUNT);

            assertThat(renewed).isNotEqualTo(first);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
            assertThat(fixture.events.of(SessionEvent.Expired.class)).singleElement()
                    .extracting(SessionEvent.Expired::cause).isEqualTo(SessionEvent.Expired.Cause.TIME);
        }

        @Test
        void fallsBackToALoginWhenTheRefreshIsRejected() {
            fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(1))));
            core.accessToken(ACCOUNT);
            fixture.clock.advance(Duration.ofHours(1));
            fixture.broker.failNext(REFRESH, new RefreshRejectedException("Invalid Refresh Token", "AB8050"));

            core.accessToken(ACCOUNT);

            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
        }

        @Test
        void isReplacedByALoginTheNextTradingDayWithoutTryingARefresh() {
            core.accessToken(ACCOUNT);
            fixture.clock.set(MIDNIGHT_IST.plus(Duration.ofHours(9)));

            core.accessToken(ACCOUNT);

            assertThat(fixture.broker.calls(REFRESH)).isZero();
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
        }

        @Test
        void takesUpASessionAnotherProcessSavedMeanwhile() {
            core.accessToken(ACCOUNT);
            fixture.clock.set(MIDNIGHT_IST.plus(Duration.ofHours(9)));
            SessionService otherProcess = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();
            AccessToken theirs = otherProcess.accessToken(ACCOUNT);

            assertThat(core.accessToken(ACCOUNT)).isEqualTo(theirs);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
        }

        @Test
        void isNotRenewedInTheLastSecondsBeforeTheCutoff() {
            core.accessToken(ACCOUNT);
            fixture.clock.set(MIDNIGHT_IST.minus(Duration.ofSeconds(10)));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT))
                    .isInstanceOf(SessionExpiredException.class)
                    .hasMessageContaining("can log in again after the cut-off");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);

            fixture.clock.set(MIDNIGHT_IST.plusSeconds(1));
            assertThat(core.validSession(ACCOUNT).expiresAt()).isEqualTo(MIDNIGHT_IST.plus(Duration.ofDays(1)));
        }
    }

    @Nested
    class Failures {

        @Test
        void transientFailuresAreRetriedWithBackoff() {
            fixture.broker.failNext(LOGIN, unavailable(), new RateLimitedException("Access denied because of exceeding"
                    + " access rate", Duration.ofSeconds(1)));

            core.accessToken(ACCOUNT);

            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(3);
            assertThat(fixture.broker.codesReceived()).doesNotHaveDuplicates();
        }

        @Test
        void givesUpAfterTheLastAttemptWithTheBrokersError() {
            fixture.broker.failNext(LOGIN, unavailable(), unavailable(), unavailable(), unavailable());

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(BrokerUnavailableException.class);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(3);
            assertThat(fixture.events.of(SessionEvent.RenewalFailed.class)).hasSize(1);
        }

        @Test
        void badCredentialsAreNeverRetriedAndStopAutomaticLogins() {
            InvalidCredentialsException refused = new InvalidCredentialsException("Invalid login id or password", "AB1007");
            fixture.broker.failNext(LOGIN, refused);

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isSameAs(refused);
            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isSameAs(refused);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);
            assertThat(core.status(ACCOUNT).blockedBy()).contains("Invalid login id or password");

            core.open(AccountCommand.of(ACCOUNT));
            assertThat(core.accessToken(ACCOUNT)).isNotNull();
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(2);
        }

        @Test
        void aRejectedTotpIsNotRetriedAndItsStepIsNeverSentAgain() {
            fixture.broker.failNext(LOGIN, new InvalidTotpException("Invalid totp", "AB1050"));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(InvalidTotpException.class);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);

            core.accessToken(ACCOUNT);
            assertThat(fixture.broker.codesReceived()).hasSize(2).doesNotHaveDuplicates();
            long firstStep = fixture.codes.stepsAsked().get(0);
            assertThat(fixture.codes.stepsAsked()).containsExactly(firstStep, firstStep + 1);
            assertThat(fixture.broker.codesReceived().get(1)).isEqualTo(StepCodes.codeForStep(firstStep + 1));
        }

        @Test
        void repeatedTotpRejectionsStopAutomaticLogins() {
            fixture.broker.failNext(LOGIN, invalidTotp(), invalidTotp(), invalidTotp());
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(InvalidTotpException.class);
            }

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(InvalidTotpException.class);
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(3);
        }

        @Test
        void anUnreadableStoreIsReportedButNeitherBlocksTradingNorIsOverwritten() {
            fixture.store.makeUnreadable(true);

            assertThat(core.accessToken(ACCOUNT)).isNotNull();
            assertThat(fixture.store.saves()).isZero();
            assertThat(fixture.events.of(SessionEvent.StoreFailed.class)).hasSize(1);
        }
    }

    @Nested
    class ARejectedToken {

        @Test
        void isRenewedOnceAndReportsOfTheOldTokenAreIgnored() {
            AccessToken rejected = core.accessToken(ACCOUNT);

            assertThat(core.reportRejected(new RejectedTokenReport(ACCOUNT, rejected))).isTrue();
            assertThat(core.reportRejected(new RejectedTokenReport(ACCOUNT, rejected))).isFalse();
            AccessToken renewed = core.accessToken(ACCOUNT);
            assertThat(core.reportRejected(new RejectedTokenReport(ACCOUNT, rejected))).isFalse();

            assertThat(renewed).isNotEqualTo(rejected);
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(2);
        }

        @Test
        void duringAProfileCallLeadsToOneRenewalAndASecondTry() {
            AccessToken revoked = core.accessToken(ACCOUNT);
            fixture.broker.revoke(revoked);

            assertThat(core.profile(AccountCommand.of(ACCOUNT)).clientCode()).isEqualTo(ACCOUNT);
            assertThat(fixture.broker.calls(PROFILE)).isEqualTo(2);
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(2);
        }
    }

    @Nested
    class LoggingOut {

        @Test
        void endsTheSessionAtTheBrokerAndForgetsItEverywhere() {
            core.accessToken(ACCOUNT);

            LogoutResult result = core.logOut(AccountCommand.of(ACCOUNT));

            assertThat(result.serverConfirmed()).isTrue();
            assertThat(result.describe()).isEqualTo("Logged out A1234567 at the broker and removed the stored session.");
            assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
        }

        @Test
        void forgetsTheSessionEvenWhenTheBrokerFailsAndSaysSo() {
            core.accessToken(ACCOUNT);
            fixture.broker.failNext(LOGOUT, unavailable(), unavailable(), unavailable());

            LogoutResult result = core.logOut(AccountCommand.of(ACCOUNT));

            assertThat(result.hadSession()).isTrue();
            assertThat(result.serverConfirmed()).isFalse();
            assertThat(result.serverError()).containsInstanceOf(BrokerUnavailableException.class);
            assertThat(result.describe()).startsWith("Removed the stored session of A1234567, but the broker's logout failed");
            assertThat(fixture.store.peek(ACCOUNT)).isEmpty();
        }

        @Test
        void stopsAutomaticLoginsUntilTheSessionIsOpenedAgain() {
            core.accessToken(ACCOUNT);
            core.logOut(AccountCommand.of(ACCOUNT));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT))
                    .isInstanceOf(SessionExpiredException.class)
                    .hasMessage("A1234567 was logged out; open a session again (login) before asking for a token");
            assertThat(fixture.broker.calls(LOGIN)).isEqualTo(1);

            core.open(AccountCommand.of(ACCOUNT));
            assertThat(core.accessToken(ACCOUNT)).isNotNull();
        }

        @Test
        void withoutASessionSaysThereWasNothingToEnd() {
            assertThat(core.logOut(AccountCommand.of(ACCOUNT)).describe())
                    .isEqualTo("No session of A1234567 to log out; nothing stored.");
            assertThat(fixture.broker.calls(LOGOUT)).isZero();
        }
    }

    @Nested
    class TheStatus {

        @Test
        void needsNoNetworkAndTellsWhoSinceWhenAndHowLong() {
            core.accessToken(ACCOUNT);
            int callsBefore = fixture.broker.upstreamRenewals();
            fixture.clock.advance(Duration.ofHours(1));

            SessionStatus status = core.status(ACCOUNT);

            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(callsBefore);
            assertThat(status.storedIn()).isEqualTo("memory (test)");
            assertThat(status.session()).get().satisfies(summary -> {
                assertThat(summary.state()).isEqualTo(SessionState.FRESH);
                assertThat(summary.openedAt()).isEqualTo(MARKET_OPEN);
                assertThat(summary.timeLeft()).isEqualTo(Duration.between(MARKET_OPEN.plus(Duration.ofHours(1)), MIDNIGHT_IST));
            });
        }

        @Test
        void readsAStoredSessionAfterARestart() {
            core.accessToken(ACCOUNT);
            SessionService restarted = fixture.builder(RenewalSettings.defaults(), Runnable::run).build();

            assertThat(restarted.status(ACCOUNT).session()).isPresent();
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
        }
    }

    private static BrokerUnavailableException unavailable() {
        return new BrokerUnavailableException("SmartAPI answered HTTP 503; retry later");
    }

    private static InvalidTotpException invalidTotp() {
        return new InvalidTotpException("Invalid totp", "AB1050");
    }
}
