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

    /**
     * The route named {@code name}: its constant ({@code LOGIN}, {@code GET_PROFILE}, any case) or
     * the last segment of its path ({@code loginByPassword}, {@code generateTokens}, {@code getProfile},
     * {@code logout}, {@code getRMS}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Route named(String name) {
        for (Route route : values()) {
            if (route.name().equalsIgnoreCase(name.strip())
                    || route.path.substring(route.path.lastIndexOf('/') + 1).equalsIgnoreCase(name.strip())) {
                return route;
            }
        }
        throw new IllegalArgumentException("no route named '" + name + "'; routes: LOGIN, GENERATE_TOKENS,"
                + " GET_PROFILE, LOGOUT, GET_RMS");
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
