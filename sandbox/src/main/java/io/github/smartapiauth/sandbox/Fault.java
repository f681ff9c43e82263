package io.github.smartapiauth.sandbox;

/** A failure the sandbox can answer with instead of the normal reply; see {@link Faults}. */
public enum Fault {
    /** HTTP 500 with a short plain-text body. */
    HTTP_500,
    /** HTTP 200 with the HTML "Request Rejected" page of the web application firewall. */
    WAF_PAGE,
    /** HTTP 200, JSON content type, a body cut off in the middle. */
    MALFORMED_JSON,
    /** HTTP 200, JSON content type, no body at all. */
    EMPTY_BODY,
    /** The normal reply, after the configured fault delay (long enough to pass any client timeout). */
    DELAY,
    /** The connection is closed without any response. */
    CONNECTION_RESET,
    /** HTTP 403 with the plain-text rate-limit body. */
    RATE_LIMIT,
    /** The transient application error AB1004 "Something Went Wrong, Please Try After Sometime". */
    TRANSIENT_ERROR,
    /**
     * The gateway error AG8001 "Invalid Token", although the token is fine: what a platform sees
     * when the broker drops a token on its side (the session itself stays open).
     */
    INVALID_TOKEN
}
