package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Builds the SmartAPI envelopes and the non-JSON answers the real server and its gateway give. */
final class Replies {

    static final String RATE_LIMIT_TEXT = "Access denied because of exceeding access rate";
    private static final String WAF_PAGE = "<html><head><title>Request Rejected</title></head>"
            + "<body>The requested URL was rejected. Please consult with your administrator.<br><br>"
            + "Your support ID is: 0000000000000000000<br><br><a href='javascript:history.back();'>[Go Back]</a>"
            + "</body></html>";

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code {"status":true,"message":"SUCCESS","errorcode":"","data":...}}; data may be a JSON node or a string. */
    Reply success(Object data) {
        ObjectNode envelope = object();
        envelope.put("status", true);
        envelope.put("message", "SUCCESS");
        envelope.put("errorcode", "");
        envelope.set("data", mapper.valueToTree(data));
        return json(envelope, "SUCCESS");
    }

    Reply error(ErrorCode code) {
        ObjectNode envelope = object();
        if (code.dialect() == ErrorCode.Dialect.GATEWAY) {
            envelope.put("success", false);
            envelope.put("message", code.message());
            envelope.put("errorCode", code.name());
            envelope.put("data", "");
        } else {
            envelope.put("status", false);
            envelope.put("message", code.message());
            envelope.put("errorcode", code.name());
            envelope.putNull("data");
        }
        return json(envelope, code.name());
    }

    Reply rateLimited() {
        return Reply.text(403, RATE_LIMIT_TEXT, "rate limited");
    }

    Reply unsupportedMediaType() {
        return new Reply(415, "", new byte[0], "unsupported media type");
    }

    Reply badRequest() {
        return new Reply(400, "", new byte[0], "bad request");
    }

    Reply notFound() {
        return Reply.text(404, "Not Found", "not found");
    }

    Reply methodNotAllowed() {
        return Reply.text(405, "Method Not Allowed", "method not allowed");
    }

    Reply fault(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> Reply.text(500, "Internal Server Error", "fault HTTP_500");
            case WAF_PAGE -> new Reply(200, "text/html; charset=utf-8", WAF_PAGE.getBytes(StandardCharsets.UTF_8),
                    "fault WAF_PAGE");
            case MALFORMED_JSON -> new Reply(200, Reply.JSON,
                    "{\"status\":true,\"message\":\"SUCCESS\",\"errorcode\":\"\",\"data\":{\"jwt"
                            .getBytes(StandardCharsets.UTF_8), "fault MALFORMED_JSON");
            case EMPTY_BODY -> new Reply(200, Reply.JSON, new byte[0], "fault EMPTY_BODY");
            case CONNECTION_RESET -> Reply.reset();
            case RATE_LIMIT -> Reply.text(403, RATE_LIMIT_TEXT, "fault RATE_LIMIT");
            case TRANSIENT_ERROR -> error(ErrorCode.AB1004);
            case INVALID_TOKEN -> error(ErrorCode.AG8001);
            case DELAY -> throw new IllegalArgumentException("a delay is not a reply of its own");
        };
    }

    private Reply json(ObjectNode envelope, String outcome) {
        try {
            return new Reply(200, Reply.JSON, mapper.writeValueAsBytes(envelope), outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON envelope", e);
        }
    }
}
