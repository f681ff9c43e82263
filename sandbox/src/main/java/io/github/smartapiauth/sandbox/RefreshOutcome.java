package io.github.smartapiauth.sandbox;

/** The outcome of a refresh: new tokens, or the reason there are none. */
record RefreshOutcome(IssuedTokens tokens, boolean expired) {

    static RefreshOutcome refreshed(IssuedTokens tokens) {
        return new RefreshOutcome(tokens, false);
    }

    static RefreshOutcome invalid() {
        return new RefreshOutcome(null, false);
    }

    static RefreshOutcome expiredToken() {
        return new RefreshOutcome(null, true);
    }

    boolean succeeded() {
        return tokens != null;
    }
}
