package io.github.smartapiauth.sandbox;

/** The three tokens answered by login and generateTokens. */
record IssuedTokens(String jwtToken, String refreshToken, String feedToken) {

    @Override
    public String toString() {
        return "IssuedTokens[****]";
    }
}
