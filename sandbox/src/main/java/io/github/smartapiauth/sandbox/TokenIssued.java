package io.github.smartapiauth.sandbox;

/** A freshly signed token and the id it carries. */
record TokenIssued(String value, String tokenId) {

    @Override
    public String toString() {
        return "TokenIssued[tokenId=" + tokenId + ", value=****]";
    }
}
