package io.github.smartapiauth.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Opens sessions, issues and checks their tokens, rotates refresh tokens and ends sessions at logout. */
final class SessionAuthority {

    private static final String BEARER = "Bearer ";

    private final SessionRegistry sessions;
    private final TokenSigner signer;
    private final TokenExpiry expiry;
    private final Clock clock;
    private final boolean rotateRefreshTokens;

    SessionAuthority(TokenSigner signer, TokenExpiry expiry, Clock clock, boolean rotateRefreshTokens,
                     SessionRegistry sessions) {
        this.sessions = sessions;
        this.signer = signer;
        this.expiry = expiry;
        this.clock = clock;
        this.rotateRefreshTokens = rotateRefreshTokens;
    }

    IssuedTokens open(String clientCode) {
        Instant now = clock.instant();
        SandboxSession session = new SandboxSession(UUID.randomUUID().toString(), clientCode, now,
                refreshExpiry(now));
        sessions.add(session, now);
        TokenIssued refresh = signer.sign(TokenKind.REFRESH, clientCode, session.id(), now, refreshExpiry(now));
        session.currentRefreshToken(refresh.tokenId());
        return new IssuedTokens(sign(TokenKind.ACCESS, session, now).value(), refresh.value(),
                sign(TokenKind.FEED, session, now).value());
    }

    RefreshOutcome refresh(String refreshToken, String clientCode) {
        Optional<TokenClaims> verified = signer.verify(refreshToken);
        if (verified.isEmpty()) {
            return RefreshOutcome.invalid();
        }
        TokenClaims claims = verified.get();
        if (claims.kind() != TokenKind.REFRESH || !claims.clientCode().equals(clientCode)) {
            return RefreshOutcome.invalid();
        }
        Instant now = clock.instant();
        if (claims.expiredAt(now)) {
            return RefreshOutcome.expiredToken(); // whether or not the session is still remembered
        }
        SandboxSession session = sessions.use(claims.sessionId(), now);
        if (session == null) {
            return RefreshOutcome.invalid();
        }
        synchronized (session) {
            if (!session.isOpen() || !session.isCurrentRefreshToken(claims.tokenId())) {
                return RefreshOutcome.invalid();
            }
            String nextRefresh = refreshToken;
            if (rotateRefreshTokens) {
                TokenIssued rotated = sign(TokenKind.REFRESH, session, now);
                session.currentRefreshToken(rotated.tokenId());
                nextRefresh = rotated.value();
            }
            session.tokensExpireAt(expiry.expiryFor(now));
            return RefreshOutcome.refreshed(new IssuedTokens(sign(TokenKind.ACCESS, session, now).value(),
                    nextRefresh, sign(TokenKind.FEED, session, now).value()));
        }
    }

    /** Checks an {@code Authorization} header value for a secure route of {@code clientCode}'s app. */
    AccessResult checkAccess(String authorization, String clientCode) {
        if (authorization == null || authorization.isBlank()) {
            return AccessResult.of(AccessCheck.MISSING);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return AccessResult.of(AccessCheck.MISSING);
        }
        Optional<TokenClaims> verified = signer.verify(token);
        if (verified.isEmpty()) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        TokenClaims claims = verified.get();
        if (claims.kind() != TokenKind.ACCESS || !claims.clientCode().equals(clientCode)) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        Instant now = clock.instant();
        if (claims.expiredAt(now)) {
            return AccessResult.of(AccessCheck.EXPIRED); // whether or not the session is still remembered
        }
        SandboxSession session = sessions.use(claims.sessionId(), now);
        if (session == null || !session.isOpen()) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        return new AccessResult(AccessCheck.VALID, session);
    }

    /** Ends every open session of the account; their tokens are refused from now on. */
    int revokeAll(String clientCode) {
        return sessions.revokeAll(clientCode);
    }

    /** Ends one session (logout): it is forgotten, and its tokens refused from now on. */
    void end(SandboxSession session) {
        sessions.forget(session);
    }

    /**
     * A rotated refresh token expires like the others; a kept one (no rotation) is the login's
     * for the whole session, so it lasts the trading day, to the next midnight IST, or the
     * configured lifetime when that is longer: a short lifetime then shortens the access tokens,
     * and a client that reuses the login's refresh token (as the official SDKs do) refreshes all day.
     */
    private Instant refreshExpiry(Instant now) {
        Instant expires = expiry.expiryFor(now);
        if (rotateRefreshTokens) {
            return expires;
        }
        Instant endOfDay = TokenExpiry.nextMidnightIst().expiryFor(now);
        return endOfDay.isAfter(expires) ? endOfDay : expires;
    }

    private TokenIssued sign(TokenKind kind, SandboxSession session, Instant now) {
        return signer.sign(kind, session.clientCode(), session.id(), now, expiry.expiryFor(now));
    }

    /** A checked bearer token and, when valid, the session it belongs to. */
    record AccessResult(AccessCheck check, SandboxSession session) {

        static AccessResult of(AccessCheck check) {
            return new AccessResult(check, null);
        }
    }
}
