package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** SmartAPI's session routes as a Feign contract; answers are the envelope's {@code data}. */
interface SessionApi {

    @RequestLine("POST " + SessionRoutes.LOGIN)
    @Headers(AuthHeaderNames.PRIVATE_KEY + ": {apiKey}")
    JsonNode login(@Param("apiKey") String apiKey, LoginBody body);

    @RequestLine("POST " + SessionRoutes.REFRESH)
    @Headers({AuthHeaderNames.PRIVATE_KEY + ": {apiKey}", AuthHeaderNames.AUTHORIZATION + ": Bearer {jwt}"})
    JsonNode refresh(@Param("apiKey") String apiKey, @Param("jwt") String jwt, RefreshBody body);

    @RequestLine("GET " + SessionRoutes.PROFILE)
    @Headers({AuthHeaderNames.PRIVATE_KEY + ": {apiKey}", AuthHeaderNames.AUTHORIZATION + ": Bearer {jwt}"})
    JsonNode profile(@Param("apiKey") String apiKey, @Param("jwt") String jwt);

    @RequestLine("POST " + SessionRoutes.LOGOUT)
    @Headers({AuthHeaderNames.PRIVATE_KEY + ": {apiKey}", AuthHeaderNames.AUTHORIZATION + ": Bearer {jwt}"})
    JsonNode logout(@Param("apiKey") String apiKey, @Param("jwt") String jwt, LogoutBody body);

    /** The login body; {@code password} carries the MPIN. Redacted when printed. */
    record LoginBody(String clientcode, String password, String totp) {
        @Override
        public String toString() {
            return "LoginBody[clientcode=" + clientcode + ", password=redacted, totp=redacted]";
        }
    }

    /** The refresh body. Redacted when printed. */
    record RefreshBody(String refreshToken) {
        @Override
        public String toString() {
            return "RefreshBody[refreshToken=redacted]";
        }
    }

    /** The logout body. */
    record LogoutBody(String clientcode) {
    }
}
