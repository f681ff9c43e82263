package io.github.smartapiauth.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opens sessions, issues and checks their tokens, rotates refresh tokens and ends sessions at logout. */
final class SessionAuthority {

    private static final String BEARER = "Bearer ";

    private final Map<String, SandboxSession> byId = new ConcurrentHashMap<>();
    private final TokenSigner signer;
    private final TokenExpiry expiry;
    private final Clock clock;
    private final boolean rotateRefreshTokens;

    SessionAuthority(TokenSigner signer, TokenExpiry expiry, Clock clock, boolean rotateRefreshTokens) {
        this.signer = signer;
        this.expiry = expiry;
        this.clock = clock;
        this.rotateRefreshTokens = rotateRefreshTokens;
    }

    IssuedTokens open(String clientCode) {
        Instant now = clock.instant();
        SandboxSession session = new SandboxSession(UUID.randomUUID().toString(), clientCode, now);
        byId.put(session.id(), session);
        TokenIssued refresh = sign(TokenKind.REFRESH, session, now);
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
        SandboxSession session = byId.get(claims.sessionId());
        if (claims.kind() != TokenKind.REFRESH || !claims.clientCode().equals(clientCode) || session == null) {
            return RefreshOutcome.invalid();
        }
        Instant now = clock.instant();
        if (claims.expiredAt(now)) {
            return RefreshOutcome.expiredToken();
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
        SandboxSession session = byId.get(claims.sessionId());
        if (claims.kind() != TokenKind.ACCESS || !claims.clientCode().equals(clientCode) || session == null) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        if (claims.expiredAt(clock.instant())) {
            return AccessResult.of(AccessCheck.EXPIRED);
        }
        if (!session.isOpen()) {
            return AccessResult.of(AccessCheck.INVALID);
        }
        return new AccessResult(AccessCheck.VALID, session);
    }

    /** Ends every open session of the account; their tokens are refused from now on. */
    int revokeAll(String clientCode) {
        int revoked = 0;
        for (SandboxSession session : byId.values()) {
            if (session.clientCode().equals(clientCode) && session.isOpen()) {
                session.close();
                revoked++;
            }
        }
        return revoked;
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
