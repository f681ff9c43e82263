package io.github.smartapiauth.sandbox;

/**
 * One complete HTTP request as read off a connection: the body is whole and within the limit.
 *
 * @param query     the raw query string, or {@code ""}
 * @param keepAlive whether the client lets the connection serve another request afterwards
 */
record HttpRequest(String method, String path, String query, RequestHeaders headers, byte[] body, boolean keepAlive) {

    String header(String name) {
        return headers.first(name);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + path + ", " + body.length + " body bytes]";
    }
}
