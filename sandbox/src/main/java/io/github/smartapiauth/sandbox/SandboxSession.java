package io.github.smartapiauth.sandbox;

import java.time.Instant;

/** One login's server-side state: whether it is still open, and which refresh token is current. */
final class SandboxSession {

    private final String id;
    private final String clientCode;
    private final Instant openedAt;
    private boolean open = true;
    private String currentRefreshTokenId;
    private Instant lastUsedAt;
    private Instant expiresAt;

    SandboxSession(String id, String clientCode, Instant openedAt, Instant expiresAt) {
        this.id = id;
        this.clientCode = clientCode;
        this.openedAt = openedAt;
        this.lastUsedAt = openedAt;
        this.expiresAt = expiresAt;
    }

    synchronized Instant lastUsedAt() {
        return lastUsedAt;
    }

    synchronized void usedAt(Instant now) {
        if (now.isAfter(lastUsedAt)) {
            lastUsedAt = now;
        }
    }

    /** When the latest tokens issued to this session expire. */
    synchronized Instant expiresAt() {
        return expiresAt;
    }

    synchronized void tokensExpireAt(Instant expiry) {
        if (expiry.isAfter(expiresAt)) {
            expiresAt = expiry;
        }
    }

    Instant openedAt() {
        return openedAt;
    }

    String id() {
        return id;
    }

    String clientCode() {
        return clientCode;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized void close() {
        open = false;
    }

    synchronized boolean isCurrentRefreshToken(String tokenId) {
        return tokenId.equals(currentRefreshTokenId);
    }

    synchronized void currentRefreshToken(String tokenId) {
        currentRefreshTokenId = tokenId;
    }
}
