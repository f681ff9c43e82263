package io.github.smartapiauth.sandbox;

/** The three tokens of a session, told apart by a claim so one cannot stand in for another. */
enum TokenKind {
    ACCESS("trade_access_token"),
    REFRESH("trade_refresh_token"),
    FEED("feed_token");

    private final String claim;

    TokenKind(String claim) {
        this.claim = claim;
    }

    String claim() {
        return claim;
    }

    static TokenKind fromClaim(String claim) {
        for (TokenKind kind : values()) {
            if (kind.claim.equals(claim)) {
                return kind;
            }
        }
        return null;
    }
}
