package io.github.smartapiauth.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a session is {@link SessionState#FRESH}, {@link SessionState#STALE} or
 * {@link SessionState#EXPIRED}.
 *
 * <p>A session ends at the earlier of its access token's {@code exp} and the daily cut-off
 * that follows its opening (SmartAPI ends every session at midnight IST). It is STALE from
 * {@code end - refreshMargin}, but never in the first half of its tokens' life (so short-lived
 * tokens are not refreshed on every call), and EXPIRED from {@code end - expiryMargin}. Both
 * bounds are inclusive: at the exact instant the state changes.
 *
 * @param refreshMargin how long before the end a refresh starts while callers keep the token
 * @param expiryMargin how long before the end the token is no longer handed out (covers clock
 *     skew and the time a request takes to arrive)
 * @param dailyCutoff the local time at which SmartAPI ends every session
 * @param zone the zone of {@code dailyCutoff}
 */
public record SessionPolicy(Duration refreshMargin, Duration expiryMargin, LocalTime dailyCutoff, ZoneId zone) {

    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(30);

    public SessionPolicy {
        Objects.requireNonNull(refreshMargin, "refreshMargin is required");
        Objects.requireNonNull(expiryMargin, "expiryMargin is required");
        Objects.requireNonNull(dailyCutoff, "dailyCutoff is required");
        Objects.requireNonNull(zone, "zone is required");
        if (expiryMargin.isNegative()) {
            throw new IllegalArgumentException("the expiry margin is " + expiryMargin + "; expected zero or more");
        }
        if (refreshMargin.compareTo(expiryMargin) <= 0) {
            throw new IllegalArgumentException("the refresh margin (" + refreshMargin
                    + ") must be longer than the expiry margin (" + expiryMargin
                    + "), or the session would expire before it is refreshed");
        }
        if (refreshMargin.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("the refresh margin is " + refreshMargin
                    + "; expected at most 12 hours, or every session would be refreshed at once");
        }
    }

    /** Refresh 5 minutes ahead, stop handing out the token 30 seconds ahead, cut-off at 00:00 Asia/Kolkata. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(DEFAULT_REFRESH_MARGIN, DEFAULT_EXPIRY_MARGIN, LocalTime.MIDNIGHT, INDIA);
    }

    public SessionPolicy withMargins(Duration refresh, Duration expiry) {
        return new SessionPolicy(refresh, expiry, dailyCutoff, zone);
    }

    public SessionPolicy withCutoff(LocalTime cutoff, ZoneId cutoffZone) {
        return new SessionPolicy(refreshMargin, expiryMargin, cutoff, cutoffZone);
    }

    /** The first cut-off strictly after {@code instant}: the end of the trading day {@code instant} is in. */
    public Instant tradingDayEnd(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime cutoff = local.toLocalDate().atTime(dailyCutoff).atZone(zone);
        if (!cutoff.toInstant().isAfter(instant)) {
            cutoff = local.toLocalDate().plusDays(1).atTime(dailyCutoff).atZone(zone);
        }
        return cutoff.toInstant();
    }

    /**
     * When a session opened at {@code openedAt} whose access token says {@code tokenExpiry}
     * (null when unreadable) ends: the earlier of the two bounds.
     */
    public Instant expiryOf(Instant tokenExpiry, Instant openedAt) {
        Instant dayEnd = tradingDayEnd(openedAt);
        return tokenExpiry == null || tokenExpiry.isAfter(dayEnd) ? dayEnd : tokenExpiry;
    }

    public Instant staleAt(Session session) {
        Instant byMargin = session.expiresAt().minus(refreshMargin);
        Instant halfLife = session.renewedAt().plus(Duration.between(session.renewedAt(), session.expiresAt()).dividedBy(2));
        return byMargin.isAfter(halfLife) ? byMargin : halfLife;
    }

    public Instant expiredAt(Session session) {
        return session.expiresAt().minus(expiryMargin);
    }

    public SessionState stateOf(Session session, Instant now) {
        if (!now.isBefore(expiredAt(session))) {
            return SessionState.EXPIRED;
        }
        if (!now.isBefore(staleAt(session))) {
            return SessionState.STALE;
        }
        return SessionState.FRESH;
    }

    /**
     * Whether a refresh could make this session live longer: not when it already ends at its
     * trading day's cut-off, since refreshed tokens end there too.
     */
    public boolean refreshCanExtend(Session session) {
        return session.expiresAt().isBefore(tradingDayEnd(session.openedAt()));
    }

    /** Whether a refresh is still possible: SmartAPI refuses it once the session's trading day is over. */
    public boolean refreshPossible(Session session, Instant now) {
        return now.isBefore(tradingDayEnd(session.openedAt()));
    }

    /**
     * Whether {@code now} lies so close to the next cut-off that any new session would be
     * EXPIRED on arrival; renewing then only burns TOTP codes and rate limit.
     */
    public boolean inCutoffWindow(Instant now) {
        return !now.isBefore(tradingDayEnd(now).minus(expiryMargin));
    }
}
