package io.github.smartapiauth.domain.token;

/** The token for the market-data WebSocket handshake. */
public final class FeedToken extends Token {

    private FeedToken(String value) {
        super(value, "the feed token");
    }

    public static FeedToken of(String value) {
        return new FeedToken(value);
    }
}
