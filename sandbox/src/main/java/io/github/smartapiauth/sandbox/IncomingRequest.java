package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A request past the transport checks: its route, headers and JSON body (an empty object for GETs). */
record IncomingRequest(Route route, RequestHeaders headers, JsonNode body) {

    String header(String name) {
        return headers.first(name);
    }

    /** A body field as text (numbers too, as some clients send the MPIN unquoted), or null. */
    String field(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "IncomingRequest[" + route + "]";
    }
}
