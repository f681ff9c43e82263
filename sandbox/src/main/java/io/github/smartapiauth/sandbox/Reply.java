package io.github.smartapiauth.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * What to answer: status, content type and body, plus a short secret-free outcome for the log.
 * A {@link #reset()} reply closes the connection without answering.
 */
record Reply(int status, String contentType, byte[] body, String outcome) {

    static final String JSON = "application/json; charset=utf-8";
    private static final int NO_ANSWER = -1;

    static Reply text(int status, String body, String outcome) {
        return new Reply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), outcome);
    }

    static Reply reset() {
        return new Reply(NO_ANSWER, "", new byte[0], "connection reset");
    }

    boolean isReset() {
        return status == NO_ANSWER;
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + outcome + "]";
    }
}
