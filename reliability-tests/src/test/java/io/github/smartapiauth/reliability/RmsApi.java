package io.github.smartapiauth.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import feign.RequestLine;

/** A platform's own SmartAPI client (funds); the facade's interceptor and renewing client keep it authenticated. */
interface RmsApi {

    @RequestLine("GET /rest/secure/angelbroking/user/v1/getRMS")
    JsonNode getRms();
}
