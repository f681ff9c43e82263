package io.github.smartapiauth.adapter.http;

/** The paths of SmartAPI's four session routes, relative to the base URL. */
final class SessionRoutes {

    static final String LOGIN = "/rest/auth/angelbroking/user/v1/loginByPassword";
    static final String REFRESH = "/rest/auth/angelbroking/jwt/v1/generateTokens";
    static final String PROFILE = "/rest/secure/angelbroking/user/v1/getProfile";
    static final String LOGOUT = "/rest/secure/angelbroking/user/v1/logout";

    private SessionRoutes() {
    }
}
