package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static io.github.smartapiauth.application.fake.FakeBroker.Operation.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A store and lease shared by several processes: renewals announced by others, and a store that goes away. */
class SharedStoreTest {

    private final CoreFixture fixture = new CoreFixture();

    /** A session another process renewed {@code after} this one's, valid for two hours. */
    private Session renewedElsewhere(Session mine, Duration after) {
        Instant at = mine.renewedAt().plus(after);
        TokenSet tokens = new TokenSet(AccessToken.of("elsewhere-access", at.plus(Duration.ofHours(2))),
                RefreshToken.of("elsewhere-refresh"), FeedToken.of("elsewhere-feed"));
        Instant opened = at.isBefore(mine.openedAt()) ? at : mine.openedAt();
        return new Session(ACCOUNT, tokens, opened, at, at.plus(Duration.ofHours(2)));
    }

    @Nested
    class ARenewalAnnouncedByAnotherProcess {

        private final SessionService core = fixture.core();

        @Test
        void replacesTheTokenInMemoryWithoutTheBrokerOrTheLease() {
            Session mine = core.validSession(ACCOUNT);
            Session theirs = renewedElsewhere(mine, Duration.ofMinutes(1));
            fixture.store.putFromElsewhere(theirs, fixture.lease);
            long grants = fixture.lease.grants();

            assertThat(core.adoptStoredSession(ACCOUNT)).isTrue();

            assertThat(core.accessToken(ACCOUNT).value()).isEqualTo("elsewhere-access");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
            assertThat(fixture.lease.grants()).isEqualTo(grants);
            assertThat(fixture.events.of(SessionEvent.Restored.class)).hasSize(1);
        }

        @Test
        void leavesTheSessionWhenTheStoredOneIsNotNewer() {
            Session mine = core.validSession(ACCOUNT);

            assertThat(core.adoptStoredSession(ACCOUNT)).as("the same session").isFalse();
            fixture.store.putFromElsewhere(renewedElsewhere(mine, Duration.ofMinutes(-1)), fixture.lease);
            assertThat(core.adoptStoredSession(ACCOUNT)).as("an older session").isFalse();
            fixture.store.deleteFromElsewhere(ACCOUNT, fixture.lease);
            assertThat(core.adoptStoredSession(ACCOUNT)).as("no session").isFalse();

            assertThat(core.accessToken(ACCOUNT)).isEqualTo(mine.tokens().accessToken());
            assertThat(fixture.events.of(SessionEvent.Restored.class)).isEmpty();
        }

        @Test
        void leavesTheSessionWhenTheStoredOneHasExpired() {
            Session mine = core.validSession(ACCOUNT);
            fixture.store.putFromElsewhere(renewedElsewhere(mine, Duration.ofMinutes(1)), fixture.lease);
            fixture.clock.advance(Duration.ofHours(2).plusMinutes(1));

            assertThat(core.adoptStoredSession(ACCOUNT)).isFalse();
        }

        @Test
        void keepsTheTokenAndReportsWhenTheStoreCannotBeRead() {
            AccessToken mine = core.accessToken(ACCOUNT);
            fixture.store.makeUnreadable(true);

            assertThat(core.adoptStoredSession(ACCOUNT)).isFalse();

            assertThat(core.accessToken(ACCOUNT)).isEqualTo(mine);
            assertThat(fixture.events.of(SessionEvent.StoreFailed.class)).hasSize(1);
        }

        @Test
        void isIgnoredBeforeTheFirstRequestAndAfterALogout() {
            assertThat(core.adoptStoredSession(ACCOUNT)).isFalse();
            Session mine = core.validSession(ACCOUNT);
            core.logOut(AccountCommand.of(ACCOUNT));
            fixture.store.putFromElsewhere(renewedElsewhere(mine, Duration.ofMinutes(1)), fixture.lease);

            assertThat(core.adoptStoredSession(ACCOUNT)).isFalse();
            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).hasMessageContaining("logged out");
        }
    }

    @Nested
    class ALogoutAnnouncedByAnotherProcess {

        private final SessionService core = fixture.core();

        @Test
        void dropsTheSessionAndStopsAutomaticLoginsAsALocalLogoutDoes() {
            core.validSession(ACCOUNT);
            fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
            int renewals = fixture.broker.upstreamRenewals();

            assertThat(core.adoptStoredSession(ACCOUNT)).as("the session in memory was dropped").isTrue();

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(SessionExpiredException.class)
                    .hasMessageContaining("logged out");
            fixture.clock.advance(Duration.ofHours(3));
            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).as("no automatic login").isEqualTo(renewals);
            assertThat(fixture.events.of(SessionEvent.LoggedOut.class)).singleElement()
                    .satisfies(event -> assertThat(event.serverConfirmed()).isFalse());
            assertThat(core.status(ACCOUNT).toString()).contains("logged out");
        }

        @Test
        void aProcessThatMissedTheNoticeLearnsOfTheLogoutWhenItNextRenewsAndDoesNotLogIn() {
            core.validSession(ACCOUNT);
            fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
            int renewals = fixture.broker.upstreamRenewals();
            fixture.clock.advance(Duration.ofHours(20));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(SessionExpiredException.class)
                    .hasMessageContaining("logged out");
            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(renewals);
            assertThat(fixture.store.saves()).isEqualTo(1);
            assertThat(fixture.events.of(SessionEvent.LoggedOut.class)).hasSize(1);
        }

        @Test
        void aTokenTheBrokerRefusedAfterTheLogoutIsNotRenewedEither() {
            AccessToken revoked = core.accessToken(ACCOUNT);
            fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
            core.reportRejected(new io.github.smartapiauth.application.port.in.RejectedTokenReport(ACCOUNT, revoked));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
        }

        @Test
        void aRenewalThatCouldNotReadTheMarkIsRefusedByTheStoreEndsLoggedOutAndEndsTheNewSessionAtTheBroker() {
            core.validSession(ACCOUNT);
            fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
            fixture.store.logoutMarkUnreadable(true); // one transient timeout on the separate read
            int saves = fixture.store.saves();

            assertThatThrownBy(() -> core.refresh(AccountCommand.of(ACCOUNT)))
                    .isInstanceOf(SessionExpiredException.class).hasMessageContaining("logged out");

            fixture.store.logoutMarkUnreadable(false);
            assertThat(fixture.store.loggedOut(ACCOUNT)).as("the logout stays in force").isTrue();
            assertThat(fixture.store.peek(ACCOUNT)).as("nothing was saved").isEmpty();
            assertThat(fixture.store.saves()).isEqualTo(saves);
            assertThat(fixture.broker.calls(FakeBroker.Operation.LOGOUT))
                    .as("the session the refresh just obtained is ended at the broker").isEqualTo(1);
            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).hasMessageContaining("logged out");
            assertThat(fixture.events.of(SessionEvent.LoggedOut.class)).hasSize(1);
        }

        @Test
        void anExplicitLoginOpensTheSessionAgainAndLiftsTheMarkForEveryProcess() {
            core.validSession(ACCOUNT);
            fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
            core.adoptStoredSession(ACCOUNT);

            Session reopened = core.open(AccountCommand.of(ACCOUNT));

            assertThat(core.accessToken(ACCOUNT)).isEqualTo(reopened.tokens().accessToken());
            assertThat(fixture.store.loggedOut(ACCOUNT)).isFalse();
            assertThat(fixture.store.peek(ACCOUNT)).isPresent();
        }
    }

    /** What a shared store keeps to write back after it lost its data must not outlive a logout or a removal. */
    @Nested
    class TheSessionAStoreKeepsToWriteBack {

        private final SessionService core = fixture.core();

        @Test
        void isForgottenByALogoutEvenWhenTheStoreCannotBeRead() {
            core.validSession(ACCOUNT);
            fixture.store.makeUnreadable(true);

            core.logOut(AccountCommand.of(ACCOUNT));

            assertThat(fixture.store.forgotten()).contains(ACCOUNT);
        }

        @Test
        void isForgottenWhenTheAccountIsRemoved() {
            core.validSession(ACCOUNT);

            core.removeAccount(ACCOUNT, io.github.smartapiauth.application.port.in.ManageAccountsUseCase.OnRemoval.KEEP_SESSION);

            assertThat(fixture.store.forgotten()).contains(ACCOUNT);
        }
    }

    @Nested
    class AnOutageOfTheSharedStore {

        private boolean down;
        private final SessionLeasePort flakyLease = (account, wait) -> {
            if (down) {
                throw new SessionStoreException("Redis at redis://127.0.0.1:6379/0 is unreachable (test)");
            }
            return fixture.lease.acquire(account, wait);
        };
        private final SessionService core = fixture.builder(RenewalSettings.defaults(), Runnable::run)
                .lease(flakyLease).build();

        @Test
        void keepsServingTheValidTokenReportsTheOutageAndRecoversByItself() {
            fixture.broker.issuingTokensThatExpire(at -> Optional.of(at.plus(Duration.ofHours(2))));
            AccessToken first = core.accessToken(ACCOUNT);
            down = true;
            fixture.clock.advance(Duration.ofMinutes(117));

            assertThat(core.accessToken(ACCOUNT)).as("stale but valid").isSameAs(first);
            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(fixture.broker.calls(REFRESH)).isZero();
            assertThat(fixture.events.of(SessionEvent.StoreFailed.class)).hasSize(1);
            assertThat(fixture.events.of(SessionEvent.RenewalFailed.class)).singleElement()
                    .satisfies(failed -> assertThat(failed.error()).isInstanceOf(SessionStoreException.class));

            down = false;
            fixture.clock.advance(Duration.ofSeconds(31));
            assertThat(core.accessToken(ACCOUNT)).isSameAs(first);
            assertThat(core.accessToken(ACCOUNT)).isNotEqualTo(first);
            assertThat(fixture.broker.calls(REFRESH)).isEqualTo(1);
        }

        @Test
        void anExpiredTokenCannotBeRenewedWithoutTheLease() {
            core.accessToken(ACCOUNT);
            down = true;
            fixture.clock.advance(Duration.ofHours(20));

            assertThatThrownBy(() -> core.accessToken(ACCOUNT)).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("unreachable");
            assertThat(fixture.broker.upstreamRenewals()).isEqualTo(1);
        }
    }
}
