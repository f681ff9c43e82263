package io.github.smartapiauth.domain.token;

import java.util.Objects;

/** The three tokens SmartAPI issues together at login and at each refresh; saved together. */
public record TokenSet(AccessToken accessToken, RefreshToken refreshToken, FeedToken feedToken) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken is required");
        Objects.requireNonNull(refreshToken, "refreshToken is required");
        Objects.requireNonNull(feedToken, "feedToken is required");
    }

    public void wipe() {
        accessToken.wipe();
        refreshToken.wipe();
        feedToken.wipe();
    }
}
