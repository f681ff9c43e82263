package io.github.smartapiauth.adapter.http;

/** The names of the two headers that carry secrets: the API key and the bearer token. */
final class AuthHeaderNames {

    static final String PRIVATE_KEY = "X-PrivateKey";
    static final String AUTHORIZATION = "Authorization";

    private AuthHeaderNames() {
    }
}
