package io.github.smartapiauth.domain.session;

import static io.github.smartapiauth.domain.session.SessionState.EXPIRED;
import static io.github.smartapiauth.domain.session.SessionState.FRESH;
import static io.github.smartapiauth.domain.session.SessionState.STALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionPolicyTest {

    private static final Duration NANO = Duration.ofNanos(1);
    private static final SessionPolicy POLICY = SessionPolicy.defaults();
    /** 09:15 IST on 24 Nov 2026; the day's cut-off is 00:00 IST on the 25th = 18:30 UTC on the 24th. */
    private static final Instant MARKET_OPEN = Instant.parse("2026-11-24T03:45:00Z");
    private static final Instant MIDNIGHT_IST = Instant.parse("2026-11-24T18:30:00Z");

    private static Session sessionOpenedAt(Instant openedAt, Instant tokenExpiry) {
        AccessToken access = tokenExpiry == null ? AccessToken.withoutExpiry("a.b.c") : AccessToken.of("a.b.c", tokenExpiry);
        TokenSet tokens = new TokenSet(access, RefreshToken.of("r.r.r"), FeedToken.of("f.f.f"));
        return new Session(ClientCode.of("A1"), tokens, openedAt, openedAt, POLICY.expiryOf(tokenExpiry, openedAt));
    }

    @Nested
    class TheSessionEnd {

        @Test
        void isTheNextMidnightInIndiaWhenTheTokenSaysLater() {
            assertThat(POLICY.expiryOf(MIDNIGHT_IST.plus(Duration.ofHours(5)), MARKET_OPEN)).isEqualTo(MIDNIGHT_IST);
        }

        @Test
        void isTheTokensOwnExpiryWhenEarlier() {
            Instant early = MARKET_OPEN.plus(Duration.ofHours(2));
            assertThat(POLICY.expiryOf(early, MARKET_OPEN)).isEqualTo(early);
        }

        @Test
        void isTheCutoffWhenTheTokenHasNoReadableExpiry() {
            assertThat(POLICY.expiryOf(null, MARKET_OPEN)).isEqualTo(MIDNIGHT_IST);
        }

        @ParameterizedTest(name = "opened at {0} -> trading day ends {1}")
        @CsvSource({
            "2026-11-24T18:29:59.999999999Z, 2026-11-24T18:30:00Z",
            "2026-11-24T18:30:00Z,           2026-11-25T18:30:00Z",
            "2026-11-24T18:30:00.000000001Z, 2026-11-25T18:30:00Z",
            "2026-11-23T18:30:00.000000001Z, 2026-11-24T18:30:00Z",
        })
        void theTradingDayEndsAtTheFirstCutoffStrictlyAfterTheOpening(Instant openedAt, Instant dayEnd) {
            assertThat(POLICY.tradingDayEnd(openedAt)).isEqualTo(dayEnd);
        }

        @Test
        void aCustomCutoffAndZoneAreHonoured() {
            SessionPolicy fiveAm = POLICY.withCutoff(LocalTime.of(5, 0), ZoneId.of("Asia/Kolkata"));
            assertThat(fiveAm.tradingDayEnd(MARKET_OPEN)).isEqualTo(Instant.parse("2026-11-24T23:30:00Z"));
        }
    }

    @Nested
    class TheStateAtTheMarginInstants {

        private final Session session = sessionOpenedAt(MARKET_OPEN, null);
        private final Instant staleAt = MIDNIGHT_IST.minus(POLICY.refreshMargin());
        private final Instant expiredAt = MIDNIGHT_IST.minus(POLICY.expiryMargin());

        @Test
        void isFreshOneNanosecondBeforeTheRefreshMargin() {
            assertThat(POLICY.stateOf(session, staleAt.minus(NANO))).isEqualTo(FRESH);
        }

        @Test
        void isStaleExactlyAtTheRefreshMargin() {
            assertThat(POLICY.stateOf(session, staleAt)).isEqualTo(STALE);
            assertThat(POLICY.stateOf(session, staleAt.plus(NANO))).isEqualTo(STALE);
        }

        @Test
        void isStaleOneNanosecondBeforeTheExpiryMargin() {
            assertThat(POLICY.stateOf(session, expiredAt.minus(NANO))).isEqualTo(STALE);
        }

        @Test
        void isExpiredExactlyAtTheExpiryMarginAndAfter() {
            assertThat(POLICY.stateOf(session, expiredAt)).isEqualTo(EXPIRED);
            assertThat(POLICY.stateOf(session, expiredAt.plus(NANO))).isEqualTo(EXPIRED);
            assertThat(POLICY.stateOf(session, MIDNIGHT_IST)).isEqualTo(EXPIRED);
        }

        @Test
        void neverHandsOutAnExpiredTokenAcrossTheMidnightCutoff() {
            // A token whose exp claim says five hours past midnight must still count as expired after midnight IST.
            Session lateToken = sessionOpenedAt(MARKET_OPEN, MIDNIGHT_IST.plus(Duration.ofHours(5)));
            assertThat(POLICY.stateOf(lateToken, MIDNIGHT_IST.minus(NANO))).isEqualTo(EXPIRED);
            assertThat(POLICY.stateOf(lateToken, MIDNIGHT_IST.plus(Duration.ofMinutes(1)))).isEqualTo(EXPIRED);
            assertThat(POLICY.stateOf(lateToken, MIDNIGHT_IST.plus(Duration.ofHours(4)))).isEqualTo(EXPIRED);
        }

        @Test
        void isFreshRightAfterLogin() {
            assertThat(POLICY.stateOf(session, MARKET_OPEN)).isEqualTo(FRESH);
        }
    }

    @Nested
    class ShortLivedTokens {

        @Test
        void areNotStaleInTheFirstHalfOfTheirLife() {
            Session fourMinutes = sessionOpenedAt(MARKET_OPEN, MARKET_OPEN.plus(Duration.ofMinutes(4)));
            Instant halfLife = MARKET_OPEN.plus(Duration.ofMinutes(2));
            assertThat(POLICY.staleAt(fourMinutes)).isEqualTo(halfLife);
            assertThat(POLICY.stateOf(fourMinutes, halfLife.minus(NANO))).isEqualTo(FRESH);
            assertThat(POLICY.stateOf(fourMinutes, halfLife)).isEqualTo(STALE);
        }
    }

    @Nested
    class Refreshing {

        @Test
        void canExtendASessionBoundByItsTokenButNotOneBoundByTheCutoff() {
            assertThat(POLICY.refreshCanExtend(sessionOpenedAt(MARKET_OPEN, MARKET_OPEN.plus(Duration.ofHours(1))))).isTrue();
            assertThat(POLICY.refreshCanExtend(sessionOpenedAt(MARKET_OPEN, null))).isFalse();
        }

        @Test
        void isPossibleOnlyWithinTheSessionsTradingDay() {
            Session session = sessionOpenedAt(MARKET_OPEN, null);
            assertThat(POLICY.refreshPossible(session, MIDNIGHT_IST.minus(NANO))).isTrue();
            assertThat(POLICY.refreshPossible(session, MIDNIGHT_IST)).isFalse();
        }

        @Test
        void theCutoffWindowBeginsAtTheExpiryMarginBeforeMidnight() {
            assertThat(POLICY.inCutoffWindow(MIDNIGHT_IST.minus(POLICY.expiryMargin()).minus(NANO))).isFalse();
            assertThat(POLICY.inCutoffWindow(MIDNIGHT_IST.minus(POLICY.expiryMargin()))).isTrue();
            assertThat(POLICY.inCutoffWindow(MIDNIGHT_IST)).isFalse();
        }
    }

    @Test
    void refusesMarginsThatWouldExpireBeforeRefreshing() {
        assertThatThrownBy(() -> POLICY.withMargins(Duration.ofSeconds(30), Duration.ofMinutes(1)))
                .hasMessage("the refresh margin (PT30S) must be longer than the expiry margin (PT1M), or the session"
                        + " would expire before it is refreshed");
        assertThatThrownBy(() -> POLICY.withMargins(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("the expiry margin is PT-1S; expected zero or more");
    }

    @Test
    void aSessionMustEndAfterItsTokensWereIssued() {
        TokenSet tokens = new TokenSet(AccessToken.withoutExpiry("a"), RefreshToken.of("r"), FeedToken.of("f"));
        assertThatThrownBy(() -> new Session(ClientCode.of("A1"), tokens, MARKET_OPEN, MARKET_OPEN, MARKET_OPEN))
                .hasMessageContaining("must expire");
    }
}
