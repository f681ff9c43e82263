package io.github.smartapiauth.adapter.http;

/** The routes, and the names of the two secret headers. */
final class Wire {

    static final String LOGIN = "/rest/auth/angelbroking/user/v1/loginByPassword";
    static final String REFRESH = "/rest/auth/angelbroking/jwt/v1/generateTokens";
    static final String PROFILE = "/rest/secure/angelbroking/user/v1/getProfile";
    static final String LOGOUT = "/rest/secure/angelbroking/user/v1/logout";

    static final String PRIVATE_KEY = "X-PrivateKey";
    static final String AUTHORIZATION = "Authorization";

    private Wire() {
    }
}
