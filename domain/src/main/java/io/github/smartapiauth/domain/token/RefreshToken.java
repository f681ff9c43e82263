package io.github.smartapiauth.domain.token;

/** The token presented to {@code generateTokens} to get a new token set without a TOTP. */
public final class RefreshToken extends Token {

    private RefreshToken(String value) {
        super(value, "the refresh token");
    }

    public static RefreshToken of(String value) {
        return new RefreshToken(value);
    }
}
