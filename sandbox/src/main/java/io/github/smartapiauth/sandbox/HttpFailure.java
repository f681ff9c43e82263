package io.github.smartapiauth.sandbox;

/**
 * A request the transport refuses before any route sees it (400, 408, 413, 431, 501, 505): its
 * status and a short plain-text reason that quotes nothing the client sent. The connection is
 * closed after the answer.
 */
final class HttpFailure extends Exception {

    private final int status;

    HttpFailure(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    Reply reply() {
        return Reply.text(status, getMessage(), "refused " + status);
    }
}
