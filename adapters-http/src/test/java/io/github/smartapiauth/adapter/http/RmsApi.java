package io.github.smartapiauth.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import feign.RequestLine;

/**
 * The example of a platform's own SmartAPI client: funds (getRMS). It declares only the route;
 * {@link SmartApiRequestInterceptor} adds the headers and the bearer token, and
 * {@link TokenRenewingClient} renews and retries once when the token is refused.
 */
interface RmsApi {

    @RequestLine("GET /rest/secure/angelbroking/user/v1/getRMS")
    JsonNode getRms();
}
