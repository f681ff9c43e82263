package io.github.smartapiauth.sandbox;

/** Answers one complete request; the transport writes the reply (or drops the connection for a reset). */
interface RequestHandler {

    Reply handle(HttpRequest request);
}
