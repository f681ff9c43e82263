package io.github.smartapiauth.sandbox;

import java.time.Instant;

/** One login's server-side state: whether it is still open, and which refresh token is current. */
final class SandboxSession {

    private final String id;
    private final String clientCode;
    private final Instant openedAt;
    private boolean open = true;
    private String currentRefreshTokenId;

    SandboxSession(String id, String clientCode, Instant openedAt) {
        this.id = id;
        this.clientCode = clientCode;
        this.openedAt = openedAt;
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
