package io.github.smartapiauth.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The routes and the headers SmartAPI expects on every call. */
final class Wire {

    static final String LOGIN = "/rest/auth/angelbroking/user/v1/loginByPassword";
    static final String REFRESH = "/rest/auth/angelbroking/jwt/v1/generateTokens";
    static final String PROFILE = "/rest/secure/angelbroking/user/v1/getProfile";
    static final String LOGOUT = "/rest/secure/angelbroking/user/v1/logout";

    static final String PRIVATE_KEY = "X-PrivateKey";
    static final String AUTHORIZATION = "Authorization";

    private Wire() {
    }

    /** Every header but the API key and the bearer token, in the protocol page's order. */
    static Map<String, String> standardHeaders(HttpSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-UserType", "USER");
        headers.put("X-SourceID", "WEB");
        headers.put("X-ClientLocalIP", settings.clientLocalIp());
        headers.put("X-ClientPublicIP", settings.clientPublicIp());
        headers.put("X-MACAddress", settings.macAddress());
        return headers;
    }
}
