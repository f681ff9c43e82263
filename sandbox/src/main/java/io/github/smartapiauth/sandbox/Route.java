package io.github.smartapiauth.sandbox;

/** The five SmartAPI session routes the sandbox serves, at the server root as on the real host. */
public enum Route {
    LOGIN("POST", "/rest/auth/angelbroking/user/v1/loginByPassword"),
    GENERATE_TOKENS("POST", "/rest/auth/angelbroking/jwt/v1/generateTokens"),
    GET_PROFILE("GET", "/rest/secure/angelbroking/user/v1/getProfile"),
    LOGOUT("POST", "/rest/secure/angelbroking/user/v1/logout"),
    GET_RMS("GET", "/rest/secure/angelbroking/user/v1/getRMS");

    private final String method;
    private final String path;

    Route(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** The HTTP method the route answers to. */
    public String method() {
        return method;
    }

    /** The path below the base URL, starting with {@code /}. */
    public String path() {
        return path;
    }

    static Route forPath(String path) {
        for (Route route : values()) {
            if (route.path.equals(path)) {
                return route;
            }
        }
        return null;
    }
}
